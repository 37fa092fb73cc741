using System.Text.RegularExpressions;

namespace EFCore.DynamoDb.Metadata.Internal;

/// <summary>DynamoDB's rules for table names: 3 to 255 characters from a-z, A-Z, 0-9, '_', '-' and '.'.</summary>
public static partial class DynamoTableNameRules
{
    public const int MinLength = 3;
    public const int MaxLength = 255;

    public static bool IsValid(string? name) => name is { Length: >= MinLength and <= MaxLength } && AllowedCharacters().IsMatch(name);

    public static bool IsValidPrefix(string? prefix) => prefix is { Length: < MaxLength } && AllowedCharacters().IsMatch(prefix);

    [GeneratedRegex("^[a-zA-Z0-9_.-]*$")]
    private static partial Regex AllowedCharacters();
}

using System.Text.RegularExpressions;

namespace EFCore.DynamoDb.Metadata.Internal;

/// <summary>DynamoDB's rules for table names: 3 to 255 characters from a-z, A-Z, 0-9, '_', '-' and '.'.</summary>
public static partial class DynamoTableNameRules
{
    /// <summary>The shortest table name DynamoDB accepts.</summary>
    public const int MinLength = 3;
    /// <summary>The longest table name DynamoDB accepts.</summary>
    public const int MaxLength = 255;

    /// <summary>Whether DynamoDB accepts <paramref name="name" /> as a table (or index) name.</summary>
    public static bool IsValid(string? name) => name is { Length: >= MinLength and <= MaxLength } && AllowedCharacters().IsMatch(name);

    /// <summary>
    ///     Whether <paramref name="prefix" /> can start table names: allowed characters, leaving room for at least one
    ///     more.
    /// </summary>
    public static bool IsValidPrefix(string? prefix) => prefix is { Length: < MaxLength } && AllowedCharacters().IsMatch(prefix);

    [GeneratedRegex("^[a-zA-Z0-9_.-]*$")]
    private static partial Regex AllowedCharacters();
}

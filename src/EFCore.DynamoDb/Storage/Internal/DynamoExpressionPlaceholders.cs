using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Hands out the placeholders of one request: <c>#n0</c> for attribute names (one per name) and <c>:v0</c> for
///     values. Expression text is made of placeholders only, so no value ever appears in it.
/// </summary>
public sealed class DynamoExpressionPlaceholders
{
    // Most requests name a few attributes: their placeholders are found by scanning the names, and the reverse map is
    // built only for a request that names more.
    private const int NamesScanned = 8;

    // The placeholders most requests use, made once.
    private static readonly string[] NamePlaceholders = Placeholders("#n");
    private static readonly string[] ValuePlaceholders = Placeholders(":v");

    private Dictionary<string, string>? _placeholdersByName;
    private int _valueCount;

    /// <summary>The placeholders of a new request.</summary>
    public DynamoExpressionPlaceholders()
    {
    }

    /// <summary>
    ///     The placeholders of a request begun elsewhere: <paramref name="names" /> and <paramref name="values" /> are
    ///     its maps so far, which this adds to, and the next placeholders follow theirs.
    /// </summary>
    public DynamoExpressionPlaceholders(Dictionary<string, string>? names, Dictionary<string, AttributeValue>? values)
    {
        Names = names;
        Values = values;
        _valueCount = values?.Count ?? 0;
        if (names?.Count > NamesScanned)
        {
            _placeholdersByName = ReverseOf(names);
        }
    }

    /// <summary><c>ExpressionAttributeNames</c>: placeholder → attribute name; <see langword="null" /> when none.</summary>
    public Dictionary<string, string>? Names { get; private set; }

    /// <summary><c>ExpressionAttributeValues</c>: placeholder → value; <see langword="null" /> when none.</summary>
    public Dictionary<string, AttributeValue>? Values { get; private set; }

    /// <summary>
    ///     The placeholder of an attribute name: <c>#n0</c>, <c>#n1</c>…; a name used twice gets the same placeholder.
    /// </summary>
    public string Name(string attributeName)
    {
        Names ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (FindPlaceholder(attributeName) is { } existing)
        {
            return existing;
        }

        var placeholder = Placeholder(NamePlaceholders, "#n", Names.Count);
        Names.Add(placeholder, attributeName);
        _placeholdersByName?.Add(attributeName, placeholder);
        if (_placeholdersByName == null && Names.Count > NamesScanned)
        {
            _placeholdersByName = ReverseOf(Names);
        }

        return placeholder;
    }

    /// <summary>
    ///     A new placeholder for a value: <c>:v0</c>, <c>:v1</c>…; equal values are not shared, since each is bound
    ///     where it is used.
    /// </summary>
    public string Value(AttributeValue value)
    {
        Values ??= new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        var placeholder = ReserveValue();
        Values.Add(placeholder, value);
        return placeholder;
    }

    /// <summary>
    ///     A new placeholder for a value that is not in <see cref="Values" />: the caller binds it itself, as a compiled
    ///     read binds its key condition's values on each execution (see <see cref="ValuePlaceholder" />).
    /// </summary>
    public string ReserveValue() => ValuePlaceholder(_valueCount++);

    /// <summary>The placeholder of the request's value number <paramref name="index" />, from 0: <c>:v0</c>, <c>:v1</c>…</summary>
    public static string ValuePlaceholder(int index) => Placeholder(ValuePlaceholders, ":v", index);

    private string? FindPlaceholder(string attributeName)
    {
        if (_placeholdersByName != null)
        {
            return _placeholdersByName.GetValueOrDefault(attributeName);
        }

        foreach (var (placeholder, name) in Names!)
        {
            if (string.Equals(name, attributeName, StringComparison.Ordinal))
            {
                return placeholder;
            }
        }

        return null;
    }

    private static Dictionary<string, string> ReverseOf(Dictionary<string, string> names)
        => names.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    private static string Placeholder(string[] common, string prefix, int index)
        => index < common.Length ? common[index] : prefix + index.ToString(CultureInfo.InvariantCulture);

    private static string[] Placeholders(string prefix)
        => Enumerable.Range(0, 16).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture)).ToArray();
}

using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Hands out the placeholders of one request: <c>#n0</c> for attribute names (one per name) and <c>:v0</c> for
///     values. Expression text is made of placeholders only, so no value ever appears in it.
/// </summary>
public sealed class DynamoExpressionPlaceholders
{
    private Dictionary<string, string>? _placeholdersByName;

    /// <summary><c>ExpressionAttributeNames</c>: placeholder → attribute name; <see langword="null" /> when none.</summary>
    public Dictionary<string, string>? Names { get; private set; }

    /// <summary><c>ExpressionAttributeValues</c>: placeholder → value; <see langword="null" /> when none.</summary>
    public Dictionary<string, AttributeValue>? Values { get; private set; }

    /// <summary>
    ///     The placeholder of an attribute name: <c>#n0</c>, <c>#n1</c>…; a name used twice gets the same placeholder.
    /// </summary>
    public string Name(string attributeName)
    {
        _placeholdersByName ??= new Dictionary<string, string>(StringComparer.Ordinal);
        Names ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (!_placeholdersByName.TryGetValue(attributeName, out var placeholder))
        {
            placeholder = "#n" + Names.Count.ToString(CultureInfo.InvariantCulture);
            _placeholdersByName.Add(attributeName, placeholder);
            Names.Add(placeholder, attributeName);
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
        var placeholder = ":v" + Values.Count.ToString(CultureInfo.InvariantCulture);
        Values.Add(placeholder, value);
        return placeholder;
    }
}

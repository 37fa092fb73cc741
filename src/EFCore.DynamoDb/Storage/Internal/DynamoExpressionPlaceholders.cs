using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Hands out the placeholders of one request: <c>#n0</c> for attribute names (one per name) and <c>:v0</c> for
///     values. Expression text is made of placeholders only, so no value ever appears in it.
/// </summary>
public sealed class DynamoExpressionPlaceholders
{
    private Dictionary<string, string>? _names;
    private Dictionary<string, AttributeValue>? _values;

    /// <summary><c>ExpressionAttributeNames</c>: placeholder → attribute name.</summary>
    public Dictionary<string, string>? Names { get; private set; }

    /// <summary><c>ExpressionAttributeValues</c>: placeholder → value.</summary>
    public Dictionary<string, AttributeValue>? Values => _values;

    public string Name(string attributeName)
    {
        _names ??= new Dictionary<string, string>(StringComparer.Ordinal);
        Names ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (!_names.TryGetValue(attributeName, out var placeholder))
        {
            placeholder = "#n" + _names.Count.ToString(CultureInfo.InvariantCulture);
            _names.Add(attributeName, placeholder);
            Names.Add(placeholder, attributeName);
        }

        return placeholder;
    }

    public string Value(AttributeValue value)
    {
        _values ??= new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        var placeholder = ":v" + _values.Count.ToString(CultureInfo.InvariantCulture);
        _values.Add(placeholder, value);
        return placeholder;
    }
}

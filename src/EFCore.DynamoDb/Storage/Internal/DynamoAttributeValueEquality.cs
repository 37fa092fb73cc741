using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Whether two attribute values hold the same data as DynamoDB sees it: numbers by value, sets in any order,
///     lists in order, maps by name.
/// </summary>
public static class DynamoAttributeValueEquality
{
    /// <summary>
    ///     Whether two attribute values hold the same data: numbers by value (<c>1.50</c> equals <c>1.5</c>), sets in
    ///     any order, lists element by element.
    /// </summary>
    public static bool AreEqual(AttributeValue left, AttributeValue right)
    {
        if (left.N != null || right.N != null)
        {
            return left.N != null && right.N != null && Number(left.N) == Number(right.N);
        }

        if (left.NS != null || right.NS != null)
        {
            return left.NS != null && right.NS != null
                && left.NS.Select(Number).ToHashSet(StringComparer.Ordinal).SetEquals(right.NS.Select(Number));
        }

        if (left.SS != null || right.SS != null)
        {
            return left.SS != null && right.SS != null && left.SS.ToHashSet(StringComparer.Ordinal).SetEquals(right.SS);
        }

        if (left.BS != null || right.BS != null)
        {
            return left.BS != null && right.BS != null
                && left.BS.Select(b => Convert.ToBase64String(b.ToArray())).ToHashSet(StringComparer.Ordinal)
                    .SetEquals(right.BS.Select(b => Convert.ToBase64String(b.ToArray())));
        }

        if (left.L != null || right.L != null)
        {
            return left.L != null && right.L != null && left.L.Count == right.L.Count && left.L.Zip(right.L).All(p => AreEqual(p.First, p.Second));
        }

        if (left.M != null || right.M != null)
        {
            return left.M != null && right.M != null && AreEqual(left.M, right.M);
        }

        // Strings, binaries, booleans and NULL have one rendering each.
        return DynamoAttributeValueFormatter.Format(left) == DynamoAttributeValueFormatter.Format(right);
    }

    // DynamoDB may store a number in another form than it was sent ("1.50" as "1.5"); beyond decimal's range the text is compared.
    private static string Number(string text)
        => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value.ToString("G29", CultureInfo.InvariantCulture)
            : text;

    /// <summary>Whether two items or maps have the same attribute names, each holding equal values.</summary>
    public static bool AreEqual(IReadOnlyDictionary<string, AttributeValue> left, IReadOnlyDictionary<string, AttributeValue> right)
        => left.Count == right.Count && left.All(p => right.TryGetValue(p.Key, out var other) && AreEqual(p.Value, other));
}

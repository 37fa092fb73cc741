using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>Renders an attribute value as short readable text, for sensitive-data logs and query strings.</summary>
public static class DynamoAttributeValueFormatter
{
    /// <summary>
    ///     The value with its type code, such as <c>S:"abc"</c> or <c>N:42</c>; sets, lists and maps with their
    ///     elements.
    /// </summary>
    public static string Format(AttributeValue value)
        => value.S != null ? "S:\"" + value.S + "\""
            : value.N != null ? "N:" + value.N
            : value.B != null ? "B:" + Convert.ToBase64String(value.B.ToArray())
            : value.BOOL != null ? "BOOL:" + (value.BOOL.Value ? "true" : "false")
            : value.NULL == true ? "NULL"
            : value.L != null ? "L:[" + string.Join(", ", value.L.Select(Format)) + "]"
            : value.M != null ? "M:{" + string.Join(", ", value.M.Select(p => p.Key + ": " + Format(p.Value))) + "}"
            : value.SS != null ? "SS:[" + string.Join(", ", value.SS) + "]"
            : value.NS != null ? "NS:[" + string.Join(", ", value.NS) + "]"
            : value.BS != null ? "BS:[" + string.Join(", ", value.BS.Select(b => Convert.ToBase64String(b.ToArray()))) + "]"
            : value.Describe();
}

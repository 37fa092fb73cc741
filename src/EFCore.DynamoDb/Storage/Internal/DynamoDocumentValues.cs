using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>What lists and maps share: how a null element is stored and how an element is read back.</summary>
public static class DynamoDocumentValues
{
    /// <summary>A new <c>NULL</c> attribute (attribute values are mutable, so never shared).</summary>
    public static AttributeValue Null => new() { NULL = true };

    /// <summary>Reads one element; <c>NULL</c> reads as the element type's default.</summary>
    public static TElement ReadElement<TElement>(DynamoTypeMapping elementMapping, AttributeValue value)
        => elementMapping.FromAttributeValue(value) is { } element ? (TElement)element : default!;

    /// <summary>The elements of a set or list, each as a scalar attribute value; none for any other value.</summary>
    public static IEnumerable<AttributeValue> Elements(AttributeValue value)
        => value.SS?.Select(s => new AttributeValue { S = s })
            ?? value.NS?.Select(n => new AttributeValue { N = n })
            ?? value.BS?.Select(b => new AttributeValue { B = b })
            ?? value.L
            ?? [];

    /// <summary>What DynamoDB's <c>size</c> returns: a string's or binary's length, a set's, list's or map's count.</summary>
    public static int? Size(AttributeValue value)
        => value.S?.Length ?? (int?)value.B?.Length ?? value.SS?.Count ?? value.NS?.Count ?? value.BS?.Count ?? value.L?.Count ?? value.M?.Count;
}

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
}

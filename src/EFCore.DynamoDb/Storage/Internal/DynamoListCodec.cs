using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>Lists and arrays, stored as <c>L</c>: each element through its own mapping, a null element as <c>NULL</c>.</summary>
public sealed class DynamoListCodec<TElement>(Type clrType, DynamoTypeMapping elementMapping)
    : DynamoValueCodec(clrType, DynamoScalarType.List)
{
    /// <inheritdoc />
    public override DynamoTypeMapping ElementMapping { get; } = elementMapping;

    /// <inheritdoc />
    public override AttributeValue Write(object value)
        => new() { L = ((IEnumerable<TElement>)value).Select(e => ElementMapping.ToAttributeValue(e) ?? DynamoDocumentValues.Null).ToList() };

    /// <inheritdoc />
    public override object Read(AttributeValue value)
        => value.L == null
            ? throw new FormatException(DynamoStrings.UnexpectedAttributeType("L", value.Describe()))
            : DynamoCollectionFactory.Create(ClrType, value.L.Select(e => DynamoDocumentValues.ReadElement<TElement>(ElementMapping, e)).ToList());
}

using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>Dictionaries with string keys, stored as <c>M</c>: each value through its own mapping, a null value as <c>NULL</c>.</summary>
public sealed class DynamoMapCodec<TElement>(Type clrType, DynamoTypeMapping elementMapping)
    : DynamoValueCodec(clrType, DynamoScalarType.Map)
{
    /// <inheritdoc />
    public override DynamoTypeMapping ElementMapping { get; } = elementMapping;

    /// <inheritdoc />
    public override AttributeValue Write(object value)
        => new()
        {
            M = ((IEnumerable<KeyValuePair<string, TElement>>)value)
                .ToDictionary(e => e.Key, e => ElementMapping.ToAttributeValue(e.Value) ?? DynamoDocumentValues.Null, StringComparer.Ordinal)
        };

    /// <inheritdoc />
    public override object Read(AttributeValue value)
        => value.M == null
            ? throw new FormatException(DynamoStrings.UnexpectedAttributeType("M", value.Describe()))
            : DynamoCollectionFactory.CreateMap(
                ClrType,
                value.M.Select(e => KeyValuePair.Create(e.Key, DynamoDocumentValues.ReadElement<TElement>(ElementMapping, e.Value))).ToList());
}

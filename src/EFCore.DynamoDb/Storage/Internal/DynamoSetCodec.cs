using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Sets of strings, numbers or binary values, stored as <c>SS</c>, <c>NS</c> or <c>BS</c>; each element goes through
///     its own scalar mapping. DynamoDB stores no empty set, so an empty set is an absent attribute, and an absent
///     attribute reads back as an empty set.
/// </summary>
public sealed class DynamoSetCodec<TElement>(Type clrType, DynamoTypeMapping elementMapping)
    : DynamoValueCodec(clrType, elementMapping.ScalarType.ToSetType() ?? throw new ArgumentException(null, nameof(elementMapping)))
{
    /// <inheritdoc />
    public override DynamoTypeMapping ElementMapping { get; } = elementMapping;

    /// <inheritdoc />
    public override AttributeValue Write(object value)
    {
        var elements = ((IEnumerable<TElement>)value)
            .Select(e => ElementMapping.ToAttributeValue(e) ?? throw new ArgumentException(DynamoStrings.NullSetElement))
            .ToList();
        return ScalarType switch
        {
            DynamoScalarType.StringSet => new AttributeValue { SS = elements.Select(e => e.S).Distinct(StringComparer.Ordinal).ToList() },
            DynamoScalarType.NumberSet => new AttributeValue { NS = elements.Select(e => e.N).Distinct(StringComparer.Ordinal).ToList() },
            _ => new AttributeValue { BS = elements.Select(e => e.B).DistinctBy(b => Convert.ToBase64String(b.ToArray())).ToList() }
        };
    }

    /// <inheritdoc />
    public override bool IsWrittenAsAbsent(object value) => !((IEnumerable<TElement>)value).Any();

    /// <inheritdoc />
    public override object Read(AttributeValue value)
    {
        var stored = ScalarType switch
        {
            DynamoScalarType.StringSet => value.SS?.Select(s => new AttributeValue { S = s }),
            DynamoScalarType.NumberSet => value.NS?.Select(n => new AttributeValue { N = n }),
            _ => value.BS?.Select(b => new AttributeValue { B = b })
        };

        return stored == null
            ? throw new FormatException(DynamoStrings.UnexpectedAttributeType(ScalarType.ToAttributeTypeCode(), value.Describe()))
            : DynamoCollectionFactory.Create(ClrType, stored.Select(e => (TElement)ElementMapping.FromAttributeValue(e)!).ToList());
    }

    /// <inheritdoc />
    public override object ReadAbsent() => DynamoCollectionFactory.Create(ClrType, Array.Empty<TElement>());
}

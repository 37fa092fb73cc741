using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Converts one provider CLR type to and from its <see cref="AttributeValue" />. Codecs never see
///     <see langword="null" />: a null value is an absent attribute, handled by the type mapping.
/// </summary>
public abstract class DynamoValueCodec(Type clrType, DynamoScalarType scalarType)
{
    public Type ClrType { get; } = clrType;

    public DynamoScalarType ScalarType { get; } = scalarType;

    public abstract AttributeValue Write(object value);

    public abstract object Read(AttributeValue value);

    /// <summary>Reads a value that must be of this codec's attribute type, or fails naming what was found.</summary>
    protected string ReadText(AttributeValue value)
        => ScalarType switch
        {
            DynamoScalarType.String when value.S != null => value.S,
            DynamoScalarType.Number when value.N != null => value.N,
            _ => throw new FormatException(DynamoStrings.UnexpectedAttributeType(ScalarType.ToAttributeTypeCode(), value.Describe()))
        };
}

using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Converts one provider CLR type to and from its <see cref="AttributeValue" />. Codecs never see
///     <see langword="null" />: a null value is an absent attribute, handled by the type mapping.
/// </summary>
public abstract class DynamoValueCodec(Type clrType, DynamoScalarType scalarType)
{
    /// <summary>The provider CLR type this codec converts.</summary>
    public Type ClrType { get; } = clrType;

    /// <summary>The DynamoDB type the codec writes.</summary>
    public DynamoScalarType ScalarType { get; } = scalarType;

    /// <summary>The mapping of the elements of a set, list or dictionary; <see langword="null" /> for a scalar.</summary>
    public virtual DynamoTypeMapping? ElementMapping => null;

    /// <summary>The attribute storing <paramref name="value" />, never null.</summary>
    public abstract AttributeValue Write(object value);

    /// <summary>
    ///     The attribute storing the current value of <paramref name="storedProperty" />, whose CLR type is this codec's and
    ///     is a value type, so never null; a scalar codec reads it without boxing it.
    /// </summary>
    public virtual AttributeValue WriteCurrentValue(IUpdateEntry entry, IPropertyBase storedProperty) => Write(entry.GetCurrentValue(storedProperty)!);

    /// <summary>
    ///     The value stored in <paramref name="value" />; throws <see cref="FormatException" /> when it holds another
    ///     DynamoDB type.
    /// </summary>
    public abstract object Read(AttributeValue value);

    /// <summary>Whether the value is stored as an absent attribute: an empty set, since DynamoDB stores no empty sets.</summary>
    public virtual bool IsWrittenAsAbsent(object value) => false;

    /// <summary>
    ///     The value an absent attribute stands for in a required property: the CLR default, except for sets,
    ///     whose empty value DynamoDB stores as an absent attribute.
    /// </summary>
    public virtual object? ReadAbsent() => null;

    /// <summary>Reads a value that must be of this codec's attribute type, or fails naming what was found.</summary>
    protected string ReadText(AttributeValue value)
        => ScalarType switch
        {
            DynamoScalarType.String when value.S != null => value.S,
            DynamoScalarType.Number when value.N != null => value.N,
            _ => throw new FormatException(DynamoStrings.UnexpectedAttributeType(ScalarType.ToAttributeTypeCode(), value.Describe()))
        };
}

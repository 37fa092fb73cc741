using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     A codec of a scalar CLR type that also reads and writes its values typed, so that the compiled shaper reads a
///     property, and a save writes one, without boxing its value or calling through the type mapping.
/// </summary>
/// <typeparam name="T">The provider CLR type.</typeparam>
public abstract class DynamoScalarCodec<T>(DynamoScalarType scalarType) : DynamoValueCodec(typeof(T), scalarType)
{
    /// <summary>
    ///     The value stored in <paramref name="value" />; throws <see cref="FormatException" /> when it holds another
    ///     DynamoDB type.
    /// </summary>
    public abstract T ReadScalar(AttributeValue value);

    /// <summary>The attribute storing <paramref name="value" />, never null.</summary>
    public abstract AttributeValue WriteScalar(T value);

    /// <inheritdoc />
    public sealed override object Read(AttributeValue value) => ReadScalar(value)!;

    /// <inheritdoc />
    public sealed override AttributeValue Write(object value) => WriteScalar((T)value);

    /// <inheritdoc />
    public sealed override AttributeValue WriteCurrentValue(IUpdateEntry entry, IPropertyBase storedProperty)
        => WriteScalar(entry.GetCurrentValue<T>(storedProperty));
}

using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     A codec of a scalar CLR type that also reads its values typed, so that the compiled shaper reads a property
///     without boxing its value or calling through the type mapping.
/// </summary>
/// <typeparam name="T">The provider CLR type.</typeparam>
public abstract class DynamoScalarCodec<T>(DynamoScalarType scalarType) : DynamoValueCodec(typeof(T), scalarType)
{
    /// <summary>
    ///     The value stored in <paramref name="value" />; throws <see cref="FormatException" /> when it holds another
    ///     DynamoDB type.
    /// </summary>
    public abstract T ReadScalar(AttributeValue value);

    /// <inheritdoc />
    public sealed override object Read(AttributeValue value) => ReadScalar(value)!;
}

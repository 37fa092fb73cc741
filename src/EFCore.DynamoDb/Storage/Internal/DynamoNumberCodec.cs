using System.Numerics;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>Integers, <see cref="decimal" />, <see cref="float" /> and <see cref="double" />, stored as <c>N</c>.</summary>
public sealed class DynamoNumberCodec<T>() : DynamoScalarCodec<T>(DynamoScalarType.Number)
    where T : INumber<T>
{
    /// <inheritdoc />
    public override AttributeValue WriteScalar(T value) => new() { N = DynamoNumberFormat.Format(value) };

    // Integer types reject fractional text ("an int field refuses lossy floats").
    /// <inheritdoc />
    public override T ReadScalar(AttributeValue value) => T.Parse(ReadText(value), NumberStyles.Float, CultureInfo.InvariantCulture);
}

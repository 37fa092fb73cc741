using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>Types stored as DynamoDB binary (<c>B</c>) and boolean (<c>BOOL</c>) attributes.</summary>
public static class DynamoBinaryCodecs
{
    /// <summary><see cref="byte" /> arrays as <c>B</c>.</summary>
    public static DynamoValueCodec Bytes { get; } = new BytesCodec();

    /// <summary><see cref="bool" /> as <c>BOOL</c>.</summary>
    public static DynamoValueCodec Boolean { get; } = new BooleanCodec();

    private sealed class BytesCodec() : DynamoScalarCodec<byte[]>(DynamoScalarType.Binary)
    {
        public override AttributeValue WriteScalar(byte[] value) => new() { B = new MemoryStream(value, writable: false) };

        public override byte[] ReadScalar(AttributeValue value)
            => value.B?.ToArray()
                ?? throw new FormatException(DynamoStrings.UnexpectedAttributeType("B", value.Describe()));
    }

    private sealed class BooleanCodec() : DynamoScalarCodec<bool>(DynamoScalarType.Boolean)
    {
        public override AttributeValue WriteScalar(bool value) => new() { BOOL = value };

        public override bool ReadScalar(AttributeValue value)
            => value.BOOL ?? throw new FormatException(DynamoStrings.UnexpectedAttributeType("BOOL", value.Describe()));
    }
}

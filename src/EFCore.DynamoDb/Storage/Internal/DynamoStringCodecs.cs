using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>Types stored as DynamoDB strings (<c>S</c>): <see cref="string" />, <see cref="char" /> and <see cref="Guid" />.</summary>
public static class DynamoStringCodecs
{
    /// <summary><see cref="string" /> as itself.</summary>
    public static DynamoValueCodec String { get; } = new StringCodec();

    /// <summary><see cref="char" /> as a one-character string.</summary>
    public static DynamoValueCodec Char { get; } = new CharCodec();

    /// <summary><see cref="System.Guid" /> as its hyphenated lowercase text (<c>D</c> format).</summary>
    public static DynamoValueCodec Guid { get; } = new GuidCodec();

    private sealed class StringCodec() : DynamoScalarCodec<string>(DynamoScalarType.String)
    {
        public override AttributeValue WriteScalar(string value) => new() { S = value };

        public override string ReadScalar(AttributeValue value) => ReadText(value);
    }

    private sealed class CharCodec() : DynamoScalarCodec<char>(DynamoScalarType.String)
    {
        public override AttributeValue WriteScalar(char value) => new() { S = value.ToString() };

        public override char ReadScalar(AttributeValue value)
        {
            var text = ReadText(value);
            return text.Length == 1 ? text[0] : throw new FormatException(DynamoStrings.InvalidStoredValue(text.Length, "char"));
        }
    }

    private sealed class GuidCodec() : DynamoScalarCodec<Guid>(DynamoScalarType.String)
    {
        public override AttributeValue WriteScalar(Guid value) => new() { S = value.ToString("D") };

        public override Guid ReadScalar(AttributeValue value) => System.Guid.Parse(ReadText(value));
    }
}

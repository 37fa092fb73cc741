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

    private sealed class StringCodec() : DynamoValueCodec(typeof(string), DynamoScalarType.String)
    {
        public override AttributeValue Write(object value) => new() { S = (string)value };

        public override object Read(AttributeValue value) => ReadText(value);
    }

    private sealed class CharCodec() : DynamoValueCodec(typeof(char), DynamoScalarType.String)
    {
        public override AttributeValue Write(object value) => new() { S = ((char)value).ToString() };

        public override object Read(AttributeValue value)
        {
            var text = ReadText(value);
            return text.Length == 1 ? text[0] : throw new FormatException(DynamoStrings.InvalidStoredValue(text.Length, "char"));
        }
    }

    private sealed class GuidCodec() : DynamoValueCodec(typeof(Guid), DynamoScalarType.String)
    {
        public override AttributeValue Write(object value) => new() { S = ((Guid)value).ToString("D") };

        public override object Read(AttributeValue value) => System.Guid.Parse(ReadText(value));
    }
}

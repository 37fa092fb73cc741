using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>Types stored as DynamoDB strings (<c>S</c>): <see cref="string" />, <see cref="char" /> and <see cref="Guid" />.</summary>
public static class DynamoStringCodecs
{
    public static DynamoValueCodec String { get; } = new StringCodec();

    public static DynamoValueCodec Char { get; } = new CharCodec();

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

using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Query.Internal;

namespace EFCore.DynamoDb.Tests.Query;

/// <summary>DynamoDB's order of attribute values, and the IN lookup that agrees with it.</summary>
public class AttributeValueComparerTests
{
    // U+FF21 sorts before U+1F600 in UTF-8 (code point order), though its UTF-16 code unit is greater than the surrogate's.
    [Theory]
    [InlineData("a", "b", -1)]
    [InlineData("ab", "a", 1)]
    [InlineData("same", "same", 0)]
    [InlineData("", "a", -1)]
    [InlineData("x\uFF21", "x\U0001F600", -1)]
    [InlineData("\U0001F600b", "\U0001F600a", 1)]
    [InlineData("é", "z", 1)]
    public void Strings_compare_by_their_UTF8_bytes(string left, string right, int expected)
    {
        Assert.Equal(expected, Math.Sign(DynamoAttributeValueComparer.Compare(new AttributeValue { S = left }, new AttributeValue { S = right })!.Value));
        Assert.Equal(
            Math.Sign(System.Text.Encoding.UTF8.GetBytes(left).AsSpan().SequenceCompareTo(System.Text.Encoding.UTF8.GetBytes(right))),
            expected);
    }

    [Fact]
    public void Binaries_compare_byte_by_byte_whatever_their_streams()
    {
        var exposed = new MemoryStream(new byte[] { 9, 1, 2, 3 }, 1, 3, writable: false, publiclyVisible: true);
        var hidden = new MemoryStream([1, 2, 4]);

        Assert.Equal(-1, Math.Sign(DynamoAttributeValueComparer.Compare(new AttributeValue { B = exposed }, new AttributeValue { B = hidden })!.Value));
        Assert.Equal(0, DynamoAttributeValueComparer.Compare(new AttributeValue { B = exposed }, new AttributeValue { B = new MemoryStream([1, 2, 3]) }));
    }

    [Fact]
    public void IN_values_find_strings_exactly_numbers_by_value_and_other_types_by_comparison()
    {
        var values = new DynamoInValues(
        [
            new AttributeValue { S = "a" }, new AttributeValue { N = "1.50" }, new AttributeValue { BOOL = true },
            new AttributeValue { B = new MemoryStream([7]) }
        ]);

        Assert.True(values.Contains(new AttributeValue { S = "a" }));
        Assert.False(values.Contains(new AttributeValue { S = "A" }));
        Assert.True(values.Contains(new AttributeValue { N = "1.5" }));
        Assert.False(values.Contains(new AttributeValue { N = "2" }));
        Assert.False(values.Contains(new AttributeValue { S = "1.5" }));
        Assert.True(values.Contains(new AttributeValue { BOOL = true }));
        Assert.False(values.Contains(new AttributeValue { BOOL = false }));
        Assert.True(values.Contains(new AttributeValue { B = new MemoryStream([7]) }));
    }
}

using System.Text;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Orders attribute values as DynamoDB does: strings by their UTF-8 bytes, numbers by value, binaries byte by
///     byte. Values of different types do not compare.
/// </summary>
public static class DynamoAttributeValueComparer
{
    /// <summary>The order of two values, or <see langword="null" /> when they are not of the same scalar type.</summary>
    public static int? Compare(AttributeValue left, AttributeValue right)
    {
        if (left.S != null && right.S != null)
        {
            return Encoding.UTF8.GetBytes(left.S).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(right.S));
        }

        if (left.N != null && right.N != null)
        {
            return DynamoNumberFormat.ParseDecimal(left.N).CompareTo(DynamoNumberFormat.ParseDecimal(right.N));
        }

        if (left.B != null && right.B != null)
        {
            return left.B.ToArray().AsSpan().SequenceCompareTo(right.B.ToArray());
        }

        if (left.BOOL != null && right.BOOL != null)
        {
            return left.BOOL.Value.CompareTo(right.BOOL.Value);
        }

        return null;
    }
}

using System.Buffers;
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
            return CompareUtf8(left.S, right.S);
        }

        if (left.N != null && right.N != null)
        {
            return DynamoNumberFormat.ParseDecimal(left.N).CompareTo(DynamoNumberFormat.ParseDecimal(right.N));
        }

        if (left.B != null && right.B != null)
        {
            return Bytes(left.B).SequenceCompareTo(Bytes(right.B));
        }

        if (left.BOOL != null && right.BOOL != null)
        {
            return left.BOOL.Value.CompareTo(right.BOOL.Value);
        }

        return null;
    }

    // UTF-8 byte order is code point order, which UTF-16 code units follow up to the first difference unless a surrogate
    // is involved: only then are the strings encoded (rarely, and into pooled buffers, not new arrays).
    private static int CompareUtf8(string left, string right)
    {
        var common = left.AsSpan().CommonPrefixLength(right);
        if (common == left.Length || common == right.Length)
        {
            return left.Length.CompareTo(right.Length);
        }

        if (!char.IsSurrogate(left[common]) && !char.IsSurrogate(right[common]))
        {
            return left[common].CompareTo(right[common]);
        }

        var leftBytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(left.Length));
        var rightBytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(right.Length));
        try
        {
            return leftBytes.AsSpan(0, Encoding.UTF8.GetBytes(left, leftBytes))
                .SequenceCompareTo(rightBytes.AsSpan(0, Encoding.UTF8.GetBytes(right, rightBytes)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(leftBytes);
            ArrayPool<byte>.Shared.Return(rightBytes);
        }
    }

    // The stream's own buffer when it exposes it; a copy otherwise.
    private static ReadOnlySpan<byte> Bytes(MemoryStream stream)
        => stream.TryGetBuffer(out var buffer) ? buffer.AsSpan() : stream.ToArray();
}

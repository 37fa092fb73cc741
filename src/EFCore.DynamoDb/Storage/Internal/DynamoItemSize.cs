using System.Text;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     The size DynamoDB counts for an item, by its documented rules: attribute names and strings in UTF-8 bytes,
///     binaries in bytes, numbers about one byte per two significant digits plus one, one byte for BOOL and NULL,
///     three bytes plus one per element for lists and maps.
/// </summary>
public static class DynamoItemSize
{
    /// <summary>The largest item DynamoDB stores: 400 KB.</summary>
    public const int MaxItemBytes = 400 * 1024;

    /// <summary>The size of an item: each attribute's name and value.</summary>
    public static long Of(IReadOnlyDictionary<string, AttributeValue> item)
        => item.Sum(attribute => Encoding.UTF8.GetByteCount(attribute.Key) + Of(attribute.Value));

    /// <summary>The size of one attribute value, elements of sets, lists and maps included.</summary>
    public static long Of(AttributeValue value)
        => value.S != null ? Encoding.UTF8.GetByteCount(value.S)
            : value.N != null ? NumberSize(value.N)
            : value.B != null ? value.B.Length
            : value.SS != null ? value.SS.Sum(s => (long)Encoding.UTF8.GetByteCount(s))
            : value.NS != null ? value.NS.Sum(NumberSize)
            : value.BS != null ? value.BS.Sum(b => b.Length)
            : value.L != null ? 3 + value.L.Sum(element => 1 + Of(element))
            : value.M != null ? 3 + value.M.Sum(pair => 1 + Encoding.UTF8.GetByteCount(pair.Key) + Of(pair.Value))
            : 1;

    private static long NumberSize(string number)
    {
        var digits = number.TakeWhile(c => c is not ('e' or 'E')).Count(char.IsAsciiDigit);
        return Math.Min(21, (digits + 1) / 2 + 1);
    }
}

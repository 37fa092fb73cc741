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
        => item is Dictionary<string, AttributeValue> dictionary ? Of(dictionary) : item.Sum(attribute => SizeOf(attribute.Key, attribute.Value));

    // Plain loops over the concrete types: this runs for every item saved, on every attribute and number.
    private static long Of(Dictionary<string, AttributeValue> item)
    {
        var size = 0L;
        foreach (var (name, value) in item)
        {
            size += SizeOf(name, value);
        }

        return size;
    }

    private static long SizeOf(string name, AttributeValue value) => Encoding.UTF8.GetByteCount(name) + Of(value);

    /// <summary>The size of one attribute value, elements of sets, lists and maps included.</summary>
    public static long Of(AttributeValue value)
    {
        if (value.S != null)
        {
            return Encoding.UTF8.GetByteCount(value.S);
        }

        if (value.N != null)
        {
            return NumberSize(value.N);
        }

        if (value.B != null)
        {
            return value.B.Length;
        }

        var size = 0L;
        if (value.SS != null)
        {
            foreach (var element in value.SS)
            {
                size += Encoding.UTF8.GetByteCount(element);
            }
        }
        else if (value.NS != null)
        {
            foreach (var element in value.NS)
            {
                size += NumberSize(element);
            }
        }
        else if (value.BS != null)
        {
            foreach (var element in value.BS)
            {
                size += element.Length;
            }
        }
        else if (value.L != null)
        {
            size = 3;
            foreach (var element in value.L)
            {
                size += 1 + Of(element);
            }
        }
        else if (value.M != null)
        {
            size = 3;
            foreach (var (name, element) in value.M)
            {
                size += 1 + SizeOf(name, element);
            }
        }
        else
        {
            size = 1;
        }

        return size;
    }

    // The digits of the mantissa, the exponent left out.
    private static long NumberSize(string number)
    {
        var digits = 0;
        foreach (var c in number)
        {
            if (c is 'e' or 'E')
            {
                break;
            }

            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
        }

        return Math.Min(21, (digits + 1) / 2 + 1);
    }
}

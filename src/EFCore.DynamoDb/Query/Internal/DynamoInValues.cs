using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     The values of an <c>IN</c> that is applied to returned items, evaluated once per execution and looked up per item
///     in constant time: strings by ordinal equality (equal UTF-8 bytes), numbers by value, as
///     <see cref="DynamoAttributeValueComparer" /> finds them equal. Binaries and booleans, rare in a list, are compared
///     one by one.
/// </summary>
public sealed class DynamoInValues
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<decimal> _numbers = [];
    private readonly List<AttributeValue> _others = [];

    /// <summary>Indexes <paramref name="values" />.</summary>
    /// <param name="values">The values of the list.</param>
    public DynamoInValues(IReadOnlyList<AttributeValue> values)
    {
        foreach (var value in values)
        {
            if (value.S != null)
            {
                _strings.Add(value.S);
            }
            else if (value.N != null)
            {
                _numbers.Add(DynamoNumberFormat.ParseDecimal(value.N));
            }
            else
            {
                _others.Add(value);
            }
        }
    }

    /// <summary>Whether <paramref name="stored" /> equals one of the values.</summary>
    /// <param name="stored">An attribute of a returned item.</param>
    /// <returns><see langword="true" /> when the list holds it.</returns>
    public bool Contains(AttributeValue stored)
    {
        if (stored.S != null)
        {
            return _strings.Contains(stored.S);
        }

        if (stored.N != null)
        {
            return _numbers.Count > 0 && _numbers.Contains(DynamoNumberFormat.ParseDecimal(stored.N));
        }

        foreach (var value in _others)
        {
            if (DynamoAttributeValueComparer.Compare(stored, value) == 0)
            {
                return true;
            }
        }

        return false;
    }
}

using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary>
///     <c>attribute IN (…)</c>: the attribute equals one of the values of a local collection (LINQ's
///     <c>list.Contains(x.Prop)</c>), a constant or a parameter read at execution time.
/// </summary>
public sealed class DynamoInExpression : DynamoExpression
{
    // The most distinct values that Evaluate searches one by one for a duplicate before it builds a set.
    private const int SearchedValues = 16;

    /// <summary>
    ///     The test that <paramref name="attribute" /> equals one of <paramref name="values" />, a constant or a query
    ///     parameter holding an enumerable.
    /// </summary>
    public DynamoInExpression(DynamoAttributeExpression attribute, Expression values)
    {
        if (values is not (ConstantExpression or QueryParameterExpression))
        {
            throw new ArgumentException(values.ToString(), nameof(values));
        }

        Attribute = attribute;
        Values = values;
    }

    /// <summary>The attribute compared with each value.</summary>
    public DynamoAttributeExpression Attribute { get; }

    /// <summary>A <see cref="ConstantExpression" /> or <see cref="QueryParameterExpression" /> holding an enumerable.</summary>
    public Expression Values { get; }

    /// <summary>
    ///     The distinct stored values for this execution's parameter values, and whether the collection holds a null (which matches an
    ///     absent attribute, as C# compares it).
    /// </summary>
    public (IReadOnlyList<AttributeValue> Values, bool HasNull) Evaluate(IReadOnlyDictionary<string, object?> parameters)
    {
        var collection = (System.Collections.IEnumerable?)(Values is ConstantExpression constant
            ? constant.Value
            : parameters[((QueryParameterExpression)Values).Name]) ?? Array.Empty<object>();

        var values = new List<AttributeValue>(collection is System.Collections.ICollection { Count: var count } ? count : 0);
        HashSet<AttributeValue>? seen = null;
        var hasNull = false;
        foreach (var element in collection)
        {
            var value = DynamoValueExpression.ToAttributeValue(Attribute.Property, Attribute.Mapping, element);
            if (value == null)
            {
                hasNull = true;
            }
            else if (IsNew(value))
            {
                values.Add(value);
            }
        }

        return (values, hasNull);

        // A short list (a key list usually is) is searched, which costs less than building a set; a longer one gets a
        // set, so that the de-duplication stays linear.
        bool IsNew(AttributeValue value)
        {
            if (seen == null && values.Count < SearchedValues)
            {
                for (var i = 0; i < values.Count; i++)
                {
                    if (FormattedEquality.Instance.Equals(values[i], value))
                    {
                        return false;
                    }
                }

                return true;
            }

            seen ??= new HashSet<AttributeValue>(values, FormattedEquality.Instance);
            return seen.Add(value);
        }
    }

    /// <summary>This test with other operands, or this very node when they are the same.</summary>
    public DynamoInExpression Update(DynamoAttributeExpression attribute, Expression values)
        => attribute == Attribute && values == Values ? this : new DynamoInExpression(attribute, values);

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
        => Update(visitor.VisitAndConvert(Attribute, nameof(VisitChildren)), visitor.Visit(Values));

    /// <inheritdoc />
    public override string ToString() => $"{Attribute} IN ({Values})";

    // Values are the same when their formatted text is (as the de-duplication always was), told without formatting the
    // strings and numbers that keys almost always are: the text of one is its type and its string.
    private sealed class FormattedEquality : IEqualityComparer<AttributeValue>
    {
        public static readonly FormattedEquality Instance = new();

        public bool Equals(AttributeValue? x, AttributeValue? y)
            => x!.S != null || y!.S != null ? x.S == y!.S
                : x.N != null || y.N != null ? x.N == y.N
                : DynamoAttributeValueFormatter.Format(x) == DynamoAttributeValueFormatter.Format(y);

        public int GetHashCode(AttributeValue value)
            => (value.S ?? value.N ?? DynamoAttributeValueFormatter.Format(value)).GetHashCode(StringComparison.Ordinal);
    }
}

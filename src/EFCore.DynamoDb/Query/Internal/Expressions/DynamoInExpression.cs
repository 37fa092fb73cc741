using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>
///     <c>attribute IN (…)</c>: the attribute equals one of the values of a local collection (LINQ's
///     <c>list.Contains(x.Prop)</c>), a constant or a parameter read at execution time.
/// </summary>
public sealed class DynamoInExpression : DynamoExpression
{
    public DynamoInExpression(DynamoAttributeExpression attribute, Expression values)
    {
        if (values is not (ConstantExpression or QueryParameterExpression))
        {
            throw new ArgumentException(values.ToString(), nameof(values));
        }

        Attribute = attribute;
        Values = values;
    }

    public DynamoAttributeExpression Attribute { get; }

    /// <summary>A <see cref="ConstantExpression" /> or <see cref="QueryParameterExpression" /> holding an enumerable.</summary>
    public Expression Values { get; }

    /// <summary>
    ///     The distinct stored values for this execution, and whether the collection holds a null (which matches an
    ///     absent attribute, as C# compares it).
    /// </summary>
    public (IReadOnlyList<AttributeValue> Values, bool HasNull) Evaluate(QueryContext queryContext)
    {
        var collection = (System.Collections.IEnumerable?)(Values is ConstantExpression constant
            ? constant.Value
            : queryContext.Parameters[((QueryParameterExpression)Values).Name]) ?? Array.Empty<object>();

        var values = new List<AttributeValue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var hasNull = false;
        foreach (var element in collection)
        {
            var value = DynamoValueExpression.ToAttributeValue(Attribute.Property, Attribute.Mapping, element);
            if (value == null)
            {
                hasNull = true;
            }
            else if (seen.Add(Storage.Internal.DynamoAttributeValueFormatter.Format(value)))
            {
                values.Add(value);
            }
        }

        return (values, hasNull);
    }

    public override string ToString() => $"{Attribute} IN ({Values})";
}

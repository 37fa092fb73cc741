using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Evaluates a condition on a returned item, with DynamoDB's semantics. A <c>Query</c> may not filter on its own
///     key attributes, so conditions on them beyond the key condition (a second bound, <c>&lt;&gt;</c>, <c>contains</c>
///     …) are applied here, to the items the Query returns.
/// </summary>
public sealed class DynamoItemPredicate(DynamoExpression condition, QueryContext queryContext)
{
    // Parameters are evaluated once per execution, not once per item.
    private readonly Dictionary<DynamoValueExpression, AttributeValue?> _values = [];
    private readonly Dictionary<DynamoInExpression, (IReadOnlyList<AttributeValue> Values, bool HasNull)> _inLists = [];

    public bool Matches(Dictionary<string, AttributeValue> item) => Evaluate(condition, item);

    private bool Evaluate(DynamoExpression expression, Dictionary<string, AttributeValue> item)
        => expression switch
        {
            DynamoLogicalExpression { IsAnd: true } and => Evaluate(and.Left, item) && Evaluate(and.Right, item),
            DynamoLogicalExpression or => Evaluate(or.Left, item) || Evaluate(or.Right, item),
            DynamoNotExpression not => !Evaluate(not.Operand, item),
            DynamoAttributeExistsExpression exists => (Read(item, exists.Attribute) != null) == exists.Exists,
            DynamoComparisonExpression comparison => Compare(comparison, item),
            DynamoBetweenExpression between => Compare(item, between.Attribute, between.Low) >= 0 && Compare(item, between.Attribute, between.High) <= 0,
            DynamoFunctionExpression function => Apply(function, item),
            DynamoInExpression @in => In(@in, item),
            DynamoSizeExpression size => Size(size, item),
            _ => throw new InvalidOperationException(CoreStrings.TranslationFailed(expression.ToString()))
        };

    private bool Compare(DynamoComparisonExpression comparison, Dictionary<string, AttributeValue> item)
    {
        var present = Read(item, comparison.Attribute) != null;
        if (Value(comparison.Value) == null)
        {
            // As C# compares with null: == null holds for an absent attribute, != null for a present one.
            return comparison.Operator == DynamoComparisonOperator.Equal ? !present : present;
        }

        return Holds(comparison.Operator, Compare(item, comparison.Attribute, comparison.Value));
    }

    // An absent operand (a null order) satisfies no comparison but <>, as in DynamoDB.
    private static bool Holds(DynamoComparisonOperator op, int? order)
        => op switch
        {
            DynamoComparisonOperator.Equal => order == 0,
            DynamoComparisonOperator.NotEqual => order != 0,
            DynamoComparisonOperator.LessThan => order < 0,
            DynamoComparisonOperator.LessThanOrEqual => order <= 0,
            DynamoComparisonOperator.GreaterThan => order > 0,
            _ => order >= 0
        };

    private int? Compare(Dictionary<string, AttributeValue> item, DynamoAttributeExpression attribute, DynamoValueExpression value)
        => Read(item, attribute) is { } stored && Value(value) is { } compared
            ? DynamoAttributeValueComparer.Compare(stored, compared)
            : null;

    private bool Apply(DynamoFunctionExpression function, Dictionary<string, AttributeValue> item)
    {
        if (Read(item, function.Attribute) is not { } stored || Value(function.Value) is not { } value)
        {
            return false;
        }

        return function.Function == DynamoFunction.BeginsWith
            ? stored.S != null && value.S != null && stored.S.StartsWith(value.S, StringComparison.Ordinal)
            : stored.S != null ? value.S != null && stored.S.Contains(value.S, StringComparison.Ordinal)
            : DynamoDocumentValues.Elements(stored).Any(e => DynamoAttributeValueComparer.Compare(e, value) == 0);
    }

    private bool Size(DynamoSizeExpression size, Dictionary<string, AttributeValue> item)
        => Holds(
            size.Operator,
            Read(item, size.Attribute) is { } stored && DynamoDocumentValues.Size(stored) is { } length && Value(size.Value) is { } compared
                ? DynamoAttributeValueComparer.Compare(new AttributeValue { N = length.ToString(CultureInfo.InvariantCulture) }, compared)
                : null);

    // The value at the attribute's path: nested names go down through maps.
    private AttributeValue? Read(Dictionary<string, AttributeValue> item, DynamoAttributeExpression attribute)
    {
        Dictionary<string, AttributeValue>? map = item;
        AttributeValue? value = null;
        foreach (var name in attribute.ResolvePath(queryContext))
        {
            if (map == null || !map.TryGetValue(name, out value))
            {
                return null;
            }

            map = value.M;
        }

        return value;
    }

    private bool In(DynamoInExpression @in, Dictionary<string, AttributeValue> item)
    {
        if (!_inLists.TryGetValue(@in, out var evaluated))
        {
            evaluated = @in.Evaluate(queryContext);
            _inLists[@in] = evaluated;
        }

        var (values, hasNull) = evaluated;
        return Read(item, @in.Attribute) is { } stored
            ? values.Any(v => DynamoAttributeValueComparer.Compare(stored, v) == 0)
            : hasNull;
    }

    private AttributeValue? Value(DynamoValueExpression value)
    {
        if (!_values.TryGetValue(value, out var evaluated))
        {
            evaluated = value.Evaluate(queryContext);
            _values[value] = evaluated;
        }

        return evaluated;
    }
}

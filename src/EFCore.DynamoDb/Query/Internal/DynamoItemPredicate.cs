using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Query.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Evaluates a condition on a returned item, with DynamoDB's semantics. A <c>Query</c> may not filter on its own
///     key attributes, so conditions on them beyond the key condition (a second bound, <c>&lt;&gt;</c>, <c>contains</c>
///     …) are applied here, to the items the Query returns.
/// </summary>
public sealed class DynamoItemPredicate(DynamoExpression condition, QueryContext queryContext)
{
    private readonly Dictionary<DynamoValueExpression, AttributeValue?> _values = [];

    public bool Matches(Dictionary<string, AttributeValue> item) => Evaluate(condition, item);

    private bool Evaluate(DynamoExpression expression, Dictionary<string, AttributeValue> item)
        => expression switch
        {
            DynamoLogicalExpression { IsAnd: true } and => Evaluate(and.Left, item) && Evaluate(and.Right, item),
            DynamoLogicalExpression or => Evaluate(or.Left, item) || Evaluate(or.Right, item),
            DynamoNotExpression not => !Evaluate(not.Operand, item),
            DynamoAttributeExistsExpression exists => item.ContainsKey(exists.Attribute.AttributeName) == exists.Exists,
            DynamoComparisonExpression comparison => Compare(comparison, item),
            DynamoBetweenExpression between => Compare(item, between.Attribute, between.Low) >= 0 && Compare(item, between.Attribute, between.High) <= 0,
            DynamoFunctionExpression function => Apply(function, item),
            DynamoInExpression @in => In(@in, item),
            _ => throw new InvalidOperationException(CoreStrings.TranslationFailed(expression.ToString()))
        };

    private bool Compare(DynamoComparisonExpression comparison, Dictionary<string, AttributeValue> item)
    {
        var present = item.ContainsKey(comparison.Attribute.AttributeName);
        if (Value(comparison.Value) == null)
        {
            // As C# compares with null: == null holds for an absent attribute, != null for a present one.
            return comparison.Operator == DynamoComparisonOperator.Equal ? !present : present;
        }

        var order = Compare(item, comparison.Attribute, comparison.Value);
        return comparison.Operator switch
        {
            DynamoComparisonOperator.Equal => order == 0,
            DynamoComparisonOperator.NotEqual => order != 0,
            DynamoComparisonOperator.LessThan => order < 0,
            DynamoComparisonOperator.LessThanOrEqual => order <= 0,
            DynamoComparisonOperator.GreaterThan => order > 0,
            _ => order >= 0
        };
    }

    private int? Compare(Dictionary<string, AttributeValue> item, DynamoAttributeExpression attribute, DynamoValueExpression value)
        => item.TryGetValue(attribute.AttributeName, out var stored) && Value(value) is { } compared
            ? DynamoAttributeValueComparer.Compare(stored, compared)
            : null;

    private bool Apply(DynamoFunctionExpression function, Dictionary<string, AttributeValue> item)
    {
        if (!item.TryGetValue(function.Attribute.AttributeName, out var stored) || Value(function.Value) is not { } value)
        {
            return false;
        }

        return function.Function == DynamoFunction.BeginsWith
            ? stored.S != null && value.S != null && stored.S.StartsWith(value.S, StringComparison.Ordinal)
            : stored.S != null && value.S != null && stored.S.Contains(value.S, StringComparison.Ordinal);
    }

    private bool In(DynamoInExpression @in, Dictionary<string, AttributeValue> item)
    {
        var (values, hasNull) = @in.Evaluate(queryContext);
        return item.TryGetValue(@in.Attribute.AttributeName, out var stored)
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

using EFCore.DynamoDb.Query.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Splits the predicate's top-level conjuncts into key conditions and a filter. An equality on the partition key
///     makes a <c>Query</c>; with an equality on the sort key too (or no sort key) and nothing else, a <c>GetItem</c>.
///     Without a partition-key equality the query is a <c>Scan</c>. An ordering is served only by a Query's sort key
///     (or by the fixed partition key, which orders nothing); any other ordering is refused clearly.
/// </summary>
public class DynamoAccessPathPlanner : IDynamoAccessPathPlanner
{
    public virtual DynamoAccessPlan Plan(DynamoSelectExpression selectExpression)
    {
        var entityType = selectExpression.EntityType;
        var conjuncts = new List<DynamoExpression>();
        if (selectExpression.Predicate != null)
        {
            Flatten(selectExpression.Predicate, conjuncts);
        }

        var partitionKey = TakeComparison(conjuncts, entityType.GetPartitionKeyProperty(), op => op == DynamoComparisonOperator.Equal);
        if (partitionKey == null)
        {
            return new DynamoAccessPlan(DynamoAccessPath.Scan, [], Combine(conjuncts), ResolveDirection(selectExpression, servesOrder: false));
        }

        var keyConditions = new List<DynamoComparisonExpression> { partitionKey };
        var sortKeyProperty = entityType.GetSortKeyProperty();
        if (sortKeyProperty != null)
        {
            keyConditions.AddRange(TakeSortKeyConditions(conjuncts, sortKeyProperty));
        }

        var fullKey = sortKeyProperty == null
            || keyConditions is [_, { Operator: DynamoComparisonOperator.Equal }];
        var path = fullKey && conjuncts.Count == 0 ? DynamoAccessPath.GetItem : DynamoAccessPath.Query;
        return new DynamoAccessPlan(path, keyConditions, Combine(conjuncts), ResolveDirection(selectExpression, servesOrder: true));
    }

    /// <summary>The sort-key direction the orderings ask for; an ordering DynamoDB cannot serve is an error.</summary>
    private static bool ResolveDirection(DynamoSelectExpression selectExpression, bool servesOrder)
    {
        var entityType = selectExpression.EntityType;
        bool? forward = null;
        foreach (var ordering in selectExpression.Orderings)
        {
            if (servesOrder && ordering.Property == entityType.GetPartitionKeyProperty())
            {
                continue;
            }

            if (!servesOrder || ordering.Property != entityType.GetSortKeyProperty())
            {
                throw new InvalidOperationException(
                    DynamoStrings.OrderingNotSupported(
                        entityType.DisplayName(),
                        ordering.Property.Name,
                        entityType.GetSortKeyProperty()?.Name ?? "none",
                        entityType.GetPartitionKeyProperty().Name));
            }

            forward ??= ordering.Ascending;
        }

        return forward ?? true;
    }

    // Prefers an equality; otherwise a lower and an upper bound together (BETWEEN); otherwise one range.
    private static IEnumerable<DynamoComparisonExpression> TakeSortKeyConditions(List<DynamoExpression> conjuncts, IProperty sortKey)
    {
        if (TakeComparison(conjuncts, sortKey, op => op == DynamoComparisonOperator.Equal) is { } equality)
        {
            return [equality];
        }

        var lower = TakeComparison(conjuncts, sortKey, op => op == DynamoComparisonOperator.GreaterThanOrEqual);
        var upper = TakeComparison(conjuncts, sortKey, op => op == DynamoComparisonOperator.LessThanOrEqual);
        if (lower != null && upper != null)
        {
            return [lower, upper];
        }

        var single = lower ?? upper;
        if (single != null)
        {
            return [single];
        }

        var range = TakeComparison(
            conjuncts,
            sortKey,
            op => op is DynamoComparisonOperator.LessThan or DynamoComparisonOperator.GreaterThan);
        return range == null ? [] : [range];
    }

    private static DynamoComparisonExpression? TakeComparison(
        List<DynamoExpression> conjuncts,
        IProperty property,
        Func<DynamoComparisonOperator, bool> isUsable)
    {
        var index = conjuncts.FindIndex(c => c is DynamoComparisonExpression comparison
            && comparison.Attribute.Property == property
            && isUsable(comparison.Operator));
        if (index < 0)
        {
            return null;
        }

        var found = (DynamoComparisonExpression)conjuncts[index];
        conjuncts.RemoveAt(index);
        return found;
    }

    private static void Flatten(DynamoExpression expression, List<DynamoExpression> conjuncts)
    {
        if (expression is DynamoLogicalExpression { IsAnd: true } and)
        {
            Flatten(and.Left, conjuncts);
            Flatten(and.Right, conjuncts);
        }
        else
        {
            conjuncts.Add(expression);
        }
    }

    private static DynamoExpression? Combine(List<DynamoExpression> conjuncts)
        => conjuncts.Count == 0 ? null : conjuncts.Aggregate((left, right) => new DynamoLogicalExpression(left, isAnd: true, right));
}

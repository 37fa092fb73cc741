using EFCore.DynamoDb.Query.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Splits the predicate's top-level conjuncts into key conditions and a filter, choosing the cheapest path:
///     <c>GetItem</c> when equalities fix the whole key and nothing else is asked; <c>BatchGetItem</c> when a local
///     collection gives the partition keys (and an equality the sort key); <c>Query</c> when the partition key is
///     fixed; otherwise <c>Scan</c>. An ordering is served only by a Query's sort key (or by the fixed partition key,
///     which orders nothing); any other ordering is refused clearly.
/// </summary>
public class DynamoAccessPathPlanner : IDynamoAccessPathPlanner
{
    public virtual DynamoAccessPlan Plan(DynamoSelectExpression selectExpression)
    {
        var entityType = selectExpression.EntityType;
        var partitionKey = entityType.GetPartitionKeyProperty();
        var sortKey = entityType.GetSortKeyProperty();
        var conjuncts = new List<DynamoExpression>();
        if (selectExpression.Predicate != null)
        {
            Flatten(selectExpression.Predicate, conjuncts);
        }

        var partitionKeyCondition = TakeComparison(conjuncts, partitionKey, op => op == DynamoComparisonOperator.Equal);
        if (partitionKeyCondition == null)
        {
            return TryPlanBatchGet(selectExpression, conjuncts, partitionKey, sortKey)
                ?? new DynamoAccessPlan(
                    DynamoAccessPath.Scan, null, null, null, Combine(conjuncts), ScanForward: ResolveDirection(selectExpression, servesOrder: false));
        }

        var sortKeyCondition = sortKey == null ? null : TakeSortKeyCondition(conjuncts, sortKey);
        var path = IsFullKey(sortKey, sortKeyCondition) && conjuncts.Count == 0 ? DynamoAccessPath.GetItem : DynamoAccessPath.Query;

        // DynamoDB refuses key attributes in a Query's filter: what remains on them is applied to the returned items.
        var onKeys = conjuncts.Where(c => References(c, partitionKey) || (sortKey != null && References(c, sortKey))).ToList();
        return new DynamoAccessPlan(
            path,
            partitionKeyCondition,
            null,
            sortKeyCondition,
            Combine(conjuncts.Except(onKeys).ToList()),
            Combine(onKeys),
            ResolveDirection(selectExpression, servesOrder: true));
    }

    private static bool References(DynamoExpression expression, IProperty property)
        => expression switch
        {
            DynamoLogicalExpression logical => References(logical.Left, property) || References(logical.Right, property),
            DynamoNotExpression not => References(not.Operand, property),
            DynamoComparisonExpression comparison => comparison.Attribute.Property == property,
            DynamoFunctionExpression function => function.Attribute.Property == property,
            DynamoInExpression @in => @in.Attribute.Property == property,
            DynamoAttributeExistsExpression exists => exists.Attribute.Property == property,
            DynamoBetweenExpression between => between.Attribute.Property == property,
            _ => true
        };

    // keys.Contains(x.PartitionKey), with the sort key fixed by an equality when there is one, and nothing else.
    private static DynamoAccessPlan? TryPlanBatchGet(
        DynamoSelectExpression selectExpression,
        List<DynamoExpression> conjuncts,
        IProperty partitionKey,
        IProperty? sortKey)
    {
        var candidates = new List<DynamoExpression>(conjuncts);
        if (Take<DynamoInExpression>(candidates, e => e.Attribute.Property == partitionKey) is not { } keys)
        {
            return null;
        }

        var sortKeyCondition = sortKey == null ? null : TakeComparison(candidates, sortKey, op => op == DynamoComparisonOperator.Equal);
        if (candidates.Count > 0 || !IsFullKey(sortKey, sortKeyCondition))
        {
            return null;
        }

        return new DynamoAccessPlan(
            DynamoAccessPath.BatchGetItem, null, keys, sortKeyCondition, null, ScanForward: ResolveDirection(selectExpression, servesOrder: false));
    }

    private static bool IsFullKey(IProperty? sortKey, DynamoExpression? sortKeyCondition)
        => sortKey == null || sortKeyCondition is DynamoComparisonExpression { Operator: DynamoComparisonOperator.Equal };

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

    // Prefers an equality; then a lower and an upper bound together (BETWEEN); then one range; then begins_with.
    private static DynamoExpression? TakeSortKeyCondition(List<DynamoExpression> conjuncts, IProperty sortKey)
    {
        if (TakeComparison(conjuncts, sortKey, op => op == DynamoComparisonOperator.Equal) is { } equality)
        {
            return equality;
        }

        var lower = TakeComparison(conjuncts, sortKey, op => op == DynamoComparisonOperator.GreaterThanOrEqual);
        var upper = TakeComparison(conjuncts, sortKey, op => op == DynamoComparisonOperator.LessThanOrEqual);
        if (lower != null && upper != null)
        {
            return new DynamoBetweenExpression(lower.Attribute, lower.Value, upper.Value);
        }

        return (DynamoExpression?)lower
            ?? upper
            ?? (DynamoExpression?)TakeComparison(
                conjuncts, sortKey, op => op is DynamoComparisonOperator.LessThan or DynamoComparisonOperator.GreaterThan)
            ?? Take<DynamoFunctionExpression>(conjuncts, f => f.Function == DynamoFunction.BeginsWith && f.Attribute.Property == sortKey);
    }

    private static DynamoComparisonExpression? TakeComparison(
        List<DynamoExpression> conjuncts,
        IProperty property,
        Func<DynamoComparisonOperator, bool> isUsable)
        => Take<DynamoComparisonExpression>(conjuncts, c => c.Attribute.Property == property && isUsable(c.Operator));

    private static T? Take<T>(List<DynamoExpression> conjuncts, Func<T, bool> isUsable)
        where T : DynamoExpression
    {
        var index = conjuncts.FindIndex(c => c is T candidate && isUsable(candidate));
        if (index < 0)
        {
            return null;
        }

        var found = (T)conjuncts[index];
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

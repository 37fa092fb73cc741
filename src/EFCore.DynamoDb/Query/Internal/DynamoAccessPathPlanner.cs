using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Chooses the cheapest way DynamoDB can answer a query, by Flywheel's rules. Each key — the table's, then local
///     indexes, then global indexes — qualifies when equalities fix its partition key (a joined composite counts
///     when equalities fix all its components; a multi-attribute key when they fix each of its partition attributes)
///     and, for an index, when it holds every attribute the query returns. A multi-attribute sort key takes
///     equalities on its attributes from the first, and one other condition on the last constrained.
///     Keys whose sort key is constrained too win; a tie is broken by the requested order, then by the table key;
///     otherwise the query is ambiguous. On the table key, full-key equalities and nothing else make a
///     <c>GetItem</c>, and keys from a local collection a <c>BatchGetItem</c> (of the partition keys with a fixed sort key, or
///     of the sort keys in a fixed partition, whose other conditions are applied to the returned items). Without a qualifying key the query
///     scans. Conditions on the chosen key's own attributes that the key condition cannot hold are applied to the
///     returned items, since DynamoDB refuses them in a Query's filter.
/// </summary>
public class DynamoAccessPathPlanner : IDynamoAccessPathPlanner
{
    /// <inheritdoc />
    public virtual DynamoAccessPlan Plan(DynamoSelectExpression selectExpression)
    {
        if (selectExpression.PartiQL != null)
        {
            return DynamoPartiQLPlanner.Plan(selectExpression);
        }

        var entityType = selectExpression.EntityType;
        var conjuncts = new List<DynamoExpression>();
        if (selectExpression.Predicate != null)
        {
            Flatten(selectExpression.Predicate, conjuncts);
        }

        var candidates = DynamoKeyCandidate.For(entityType);
        if (selectExpression.ReadOptions.IndexName is { } forcedName)
        {
            var forced = candidates.FirstOrDefault(c => c.IndexName == forcedName)
                ?? throw new InvalidOperationException(
                    DynamoStrings.IndexNotFound(
                        entityType.DisplayName(), forcedName, string.Join(", ", candidates.Where(c => !c.IsTable).Select(c => c.DisplayName))));
            CheckConsistentRead(selectExpression, forced);
            var keyed = Match(forced, conjuncts);
            var fetchFromTable = !forced.Covers(entityType, RequiredAttributes(selectExpression));
            return keyed == null
                ? ScanPlan(selectExpression, conjuncts, forced, fetchFromTable)
                : QueryPlan(selectExpression, keyed, forced, fetchFromTable);
        }

        if (TryPlanSortKeyBatchGet(selectExpression, conjuncts, candidates[0]) is { } sortKeyBatchGet)
        {
            return sortKeyBatchGet;
        }

        var qualifying = candidates
            .Where(c => !(c.IsGlobalIndex && selectExpression.ReadOptions.ConsistentRead))
            .Where(c => c.Covers(entityType, RequiredAttributes(selectExpression)))
            .Select(c => (Candidate: c, Match: Match(c, conjuncts)))
            .Where(m => m.Match != null)
            .ToList();

        // A key whose sort key cannot give the requested order would fail the query: when some key can, only those compete.
        if (selectExpression.Orderings.Count > 0
            && qualifying.Where(m => ServedDirection(selectExpression.Orderings, m.Candidate, m.Match!, out _) != null).ToList()
                is { Count: > 0 } servingOrder)
        {
            qualifying = servingOrder;
        }

        if (qualifying.Count == 0)
        {
            return TryPlanBatchGet(selectExpression, conjuncts, candidates[0])
                ?? ScanPlan(selectExpression, conjuncts, candidates[0], fetchFromTable: false);
        }

        var tier = qualifying.Where(m => m.Match!.SortKeyConditions.Count > 0).ToList() is { Count: > 0 } constrained ? constrained : qualifying;
        var chosen = Choose(selectExpression, tier);
        return QueryPlan(selectExpression, chosen.Match!, chosen.Candidate, fetchFromTable: false);
    }

    private static (DynamoKeyCandidate Candidate, KeyMatch? Match) Choose(
        DynamoSelectExpression selectExpression,
        List<(DynamoKeyCandidate Candidate, KeyMatch? Match)> tier)
    {
        if (tier.Count == 1)
        {
            return tier[0];
        }

        var ordered = selectExpression.Orderings.Count > 0 ? selectExpression.Orderings[0].Property : null;
        var servingOrder = tier.Where(m => ordered != null && m.Candidate.SortKey.Contains(ordered)).ToList();
        if (servingOrder.Count == 1)
        {
            return servingOrder[0];
        }

        return tier.FirstOrDefault(m => m.Candidate.IsTable) is { Candidate: not null } table
            ? table
            : throw new InvalidOperationException(
                DynamoStrings.AmbiguousIndex(
                    selectExpression.EntityType.DisplayName(), string.Join(", ", tier.Select(m => m.Candidate.DisplayName))));
    }

    private static DynamoAccessPlan QueryPlan(
        DynamoSelectExpression selectExpression,
        KeyMatch match,
        DynamoKeyCandidate candidate,
        bool fetchFromTable)
    {
        var isFullTableKey = candidate.IsTable
            && (candidate.SortKey.Count == 0 || match.SortKeyConditions is [DynamoComparisonExpression { Operator: DynamoComparisonOperator.Equal }]);

        // In a table shared by several types, the item at a full key may be another type's: GetItem reads it, and its
        // discriminator is checked on the item returned (another type's item is not found).
        var path = isFullTableKey && match.Remaining.All(c => ChecksDiscriminatorOnly(c, selectExpression.EntityType))
            ? DynamoAccessPath.GetItem
            : DynamoAccessPath.Query;

        // DynamoDB refuses the queried key's attributes in a Query's filter: what remains on them is applied to the returned
        // items, as is everything remaining for a GetItem, which has no filter.
        var onKeys = match.Remaining.Where(c => path == DynamoAccessPath.GetItem || candidate.KeyProperties.Any(key => References(c, key))).ToList();
        return new DynamoAccessPlan(
            path,
            match.PartitionKeyConditions,
            null,
            match.SortKeyConditions,
            Combine(match.Remaining.Except(onKeys).ToList()),
            Combine(onKeys),
            ResolveDirection(selectExpression, candidate, match),
            candidate.IndexName,
            fetchFromTable,
            OrderingSortAttribute(candidate, match));
    }

    private static DynamoAccessPlan ScanPlan(
        DynamoSelectExpression selectExpression,
        List<DynamoExpression> conjuncts,
        DynamoKeyCandidate candidate,
        bool fetchFromTable)
        => new(
            DynamoAccessPath.Scan,
            [],
            null,
            [],
            Combine(conjuncts),
            ScanForward: ResolveDirection(selectExpression, candidate, match: null),
            IndexName: candidate.IndexName,
            FetchFromTable: fetchFromTable);

    // keys.Contains(x.PartitionKey), with the sort key fixed by an equality when there is one. The keys name every item
    // the query can return, so any other condition (a discriminator's among them) is applied to the items read.
    private static DynamoAccessPlan? TryPlanBatchGet(
        DynamoSelectExpression selectExpression,
        List<DynamoExpression> conjuncts,
        DynamoKeyCandidate table)
    {
        var remaining = new List<DynamoExpression>(conjuncts);
        if (Take<DynamoInExpression>(remaining, e => IsKey(e.Attribute, table.PartitionKey[0])) is not { } keys)
        {
            return null;
        }

        var sortKeyCondition = table.SortKey is [var sortKey]
            ? TakeComparison(remaining, sortKey, op => op == DynamoComparisonOperator.Equal) ?? ConstantSortKeyEquality(sortKey)
            : null;
        if (table.SortKey.Count > 0 && sortKeyCondition == null)
        {
            return null;
        }

        return new DynamoAccessPlan(
            DynamoAccessPath.BatchGetItem,
            [],
            keys,
            sortKeyCondition == null ? [] : [sortKeyCondition],
            null,
            Combine(remaining),
            ScanForward: ResolveDirection(selectExpression, table, match: null));
    }

    // x.PartitionKey == v && keys.Contains(x.SortKey): the partition's items by key instead of a Query of the whole
    // partition. The other conditions are applied to the returned items, which the Query would have filtered the same way;
    // an ordering or another condition on the sort key keeps the Query, which serves them.
    private static DynamoAccessPlan? TryPlanSortKeyBatchGet(
        DynamoSelectExpression selectExpression,
        List<DynamoExpression> conjuncts,
        DynamoKeyCandidate table)
    {
        if (table.SortKey is not [var sortKey] || selectExpression.Orderings.Count > 0)
        {
            return null;
        }

        var remaining = new List<DynamoExpression>(conjuncts);
        if (Take<DynamoInExpression>(remaining, e => IsKey(e.Attribute, sortKey)) is not { } sortKeyValues
            || Match(table, remaining) is not { SortKeyConditions.Count: 0 } match)
        {
            return null;
        }

        return new DynamoAccessPlan(
            DynamoAccessPath.BatchGetItem,
            match.PartitionKeyConditions,
            null,
            [],
            null,
            Combine(match.Remaining),
            SortKeyValues: sortKeyValues);
    }

    /// <summary>
    ///     The key conditions a candidate can take from the conjuncts, or <see langword="null" /> when its partition key
    ///     is not fixed: an equality on each partition attribute; then, on the sort attributes in key order, equalities
    ///     until one attribute has another condition or none.
    /// </summary>
    private static KeyMatch? Match(DynamoKeyCandidate candidate, List<DynamoExpression> conjuncts)
    {
        var remaining = new List<DynamoExpression>(conjuncts);
        var partitionKeyConditions = new List<DynamoComparisonExpression>(candidate.PartitionKey.Count);
        foreach (var attribute in candidate.PartitionKey)
        {
            if ((TakeComparison(remaining, attribute, op => op == DynamoComparisonOperator.Equal) ?? CompositeEquality(attribute, remaining))
                is not { } equality)
            {
                return null;
            }

            partitionKeyConditions.Add(equality);
        }

        var sortKeyConditions = new List<DynamoExpression>();
        foreach (var attribute in candidate.SortKey)
        {
            var condition = TakeSortKeyCondition(remaining, attribute)
                ?? (DynamoExpression?)CompositeEquality(attribute, remaining)
                ?? (DynamoExpression?)CompositePrefix(attribute, remaining)
                ?? ConstantSortKeyEquality(attribute);
            if (condition == null)
            {
                break;
            }

            sortKeyConditions.Add(condition);
            if (!IsEquality(condition))
            {
                break;
            }
        }

        return new KeyMatch(partitionKeyConditions, sortKeyConditions, remaining);
    }

    private static bool IsEquality(DynamoExpression condition)
        => condition is DynamoComparisonExpression { Operator: DynamoComparisonOperator.Equal };

    // The sort attribute a Query through this key returns its items in the order of: the first not fixed by an equality.
    private static IProperty? OrderingSortAttribute(DynamoKeyCandidate candidate, KeyMatch match)
        => candidate.SortKey.Count == 0 ? null : candidate.SortKey[Math.Min(match.SortKeyEqualities, candidate.SortKey.Count - 1)];

    // Every item of a type with a constant sort key holds that value: the key is fixed without a condition of the query's.
    private static DynamoComparisonExpression? ConstantSortKeyEquality(IProperty key)
        => key.DeclaringType is IEntityType entityType && entityType.GetConstantSortKeyValue() is { } value && key == entityType.GetSortKeyProperty()
            ? new DynamoComparisonExpression(
                new DynamoAttributeExpression(key), DynamoComparisonOperator.Equal, new DynamoValueExpression(Expression.Constant(value, key.ClrType), key))
            : null;

    private static bool ChecksDiscriminatorOnly(DynamoExpression condition, IEntityType entityType)
        => entityType.FindDiscriminatorProperty() is { } discriminator && DynamoAttributeFinder.FindIn(condition).All(a => IsKey(a, discriminator));

    // Equalities on every component of a joined composite fix the composite itself (Flywheel's piecewise queries).
    // The component conditions stay as filters: a separator inside a value could make two joins alike.
    private static DynamoComparisonExpression? CompositeEquality(IProperty key, List<DynamoExpression> conjuncts)
        => ComponentValues(key, conjuncts) is { } values && values.Count == key.GetCompositeComponentNames().Count
            ? new DynamoComparisonExpression(
                new DynamoAttributeExpression(key), DynamoComparisonOperator.Equal, DynamoValueExpression.ForComposite(key, values, isPrefix: false))
            : null;

    // Equalities on the leading components of a joined composite sort key make a begins_with on it; a composite with a
    // prefix of its own (ORDER#) begins with it even when no component is fixed, so a Query reads only this type's items.
    private static DynamoFunctionExpression? CompositePrefix(IProperty key, List<DynamoExpression> conjuncts)
        => ComponentValues(key, conjuncts) is { } values && (values.Count > 0 || key.GetCompositePrefix().Length > 0)
            ? new DynamoFunctionExpression(
                DynamoFunction.BeginsWith, new DynamoAttributeExpression(key), DynamoValueExpression.ForComposite(key, values, isPrefix: true))
            : null;

    /// <summary>The values that equalities give the leading components of a joined composite, in order.</summary>
    private static List<DynamoValueExpression>? ComponentValues(IProperty key, List<DynamoExpression> conjuncts)
    {
        if (!key.IsDynamoComposite() || key.GetCompositeMerge() != null)
        {
            return null;
        }

        var values = new List<DynamoValueExpression>();
        foreach (var componentName in key.GetCompositeComponentNames())
        {
            var equality = conjuncts.OfType<DynamoComparisonExpression>()
                .FirstOrDefault(c => c.Operator == DynamoComparisonOperator.Equal && !c.Attribute.IsNested && c.Attribute.Property.Name == componentName);
            if (equality == null)
            {
                break;
            }

            values.Add(equality.Value);
        }

        return values;
    }

    /// <summary>The attributes a query returns, which an index must hold to answer it alone.</summary>
    private static IEnumerable<string> RequiredAttributes(DynamoSelectExpression selectExpression)
        => selectExpression.ResultKind is DynamoResultKind.Count or DynamoResultKind.Any ? []
            : selectExpression.ProjectedProperties is { } projected ? projected.Select(p => new DynamoAttributeExpression(p).AttributeName)
            : selectExpression.EntityType.GetDerivedTypesInclusive().SelectMany(t => t.GetProperties()).Select(p => p.GetAttributeName());

    private static void CheckConsistentRead(DynamoSelectExpression selectExpression, DynamoKeyCandidate candidate)
    {
        if (candidate.IsGlobalIndex && selectExpression.ReadOptions.ConsistentRead)
        {
            throw new InvalidOperationException(
                DynamoStrings.ConsistentReadOnGlobalIndex(selectExpression.EntityType.DisplayName(), candidate.IndexName));
        }
    }

    /// <summary>
    ///     The sort-key direction the orderings ask for; an ordering DynamoDB cannot serve is an error. Without a key
    ///     match (a scan or a batch read), no ordering can be served.
    /// </summary>
    private static bool ResolveDirection(DynamoSelectExpression selectExpression, DynamoKeyCandidate candidate, KeyMatch? match)
    {
        var orderings = selectExpression.Orderings;
        if (orderings.Count == 0)
        {
            return true;
        }

        DynamoOrdering? unserved = orderings[0];
        if (match != null && ServedDirection(orderings, candidate, match, out unserved) is { } forward)
        {
            return forward;
        }

        var entityType = selectExpression.EntityType;
        var serving = DynamoKeyCandidate.For(entityType).Where(c => c.SortKey.Contains(unserved!.Property)).Select(c => c.DisplayName).ToList();
        throw new InvalidOperationException(
            DynamoStrings.OrderingNotSupported(
                entityType.DisplayName(),
                unserved!.Property.Name,
                entityType.GetSortKeyProperty()?.Name ?? "none",
                entityType.GetPartitionKeyProperty().Name)
            + (serving.Count > 0 ? DynamoStrings.OrderingIndexHint(string.Join(", ", serving)) : ""));
    }

    /// <summary>
    ///     The direction a Query through this key reads in to return the orderings' order, or <see langword="null" /> with
    ///     the first ordering it cannot serve. Orderings on the partition attributes (fixed) are served by any; the others
    ///     must name the sort attributes in key order, in one direction, starting at the first or after those fixed by
    ///     equalities.
    /// </summary>
    private static bool? ServedDirection(
        IReadOnlyList<DynamoOrdering> orderings,
        DynamoKeyCandidate candidate,
        KeyMatch match,
        out DynamoOrdering? unserved)
    {
        var sorted = orderings.Where(o => !candidate.PartitionKey.Contains(o.Property)).ToList();
        var start = sorted.Count == 0 ? 0 : candidate.SortKey.ToList().IndexOf(sorted[0].Property);
        for (var i = 0; i < sorted.Count; i++)
        {
            if (start < 0
                || start > match.SortKeyEqualities
                || start + i >= candidate.SortKey.Count
                || candidate.SortKey[start + i] != sorted[i].Property
                || sorted[i].Ascending != sorted[0].Ascending)
            {
                unserved = sorted[i];
                return null;
            }
        }

        unserved = null;
        return sorted.Count == 0 || sorted[0].Ascending;
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
            ?? Take<DynamoFunctionExpression>(conjuncts, f => f.Function == DynamoFunction.BeginsWith && IsKey(f.Attribute, sortKey));
    }

    private static bool References(DynamoExpression expression, IProperty property)
        => DynamoAttributeFinder.FindIn(expression).Any(a => IsKey(a, property));

    // A path inside a document is never a key attribute, even when it holds the key property's own type.
    private static bool IsKey(DynamoAttributeExpression attribute, IProperty key) => !attribute.IsNested && attribute.Property == key;

    private static DynamoComparisonExpression? TakeComparison(
        List<DynamoExpression> conjuncts,
        IProperty property,
        Func<DynamoComparisonOperator, bool> isUsable)
        => Take<DynamoComparisonExpression>(conjuncts, c => IsKey(c.Attribute, property) && isUsable(c.Operator));

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

    private sealed record KeyMatch(
        IReadOnlyList<DynamoComparisonExpression> PartitionKeyConditions,
        IReadOnlyList<DynamoExpression> SortKeyConditions,
        List<DynamoExpression> Remaining)
    {
        /// <summary>How many leading sort attributes equalities fix.</summary>
        public int SortKeyEqualities => SortKeyConditions.TakeWhile(IsEquality).Count();
    }
}

using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     One <c>Query</c> of a partition that holds a principal, its included collections and theirs (<c>ThenInclude</c>),
///     in the single-table design: the principals' query fixes the partition key, every included type shares the table,
///     and each foreign key holds the dependents' partition key, referencing their principal's, so the partition's items
///     are the whole graph, told apart by the discriminators and linked by the foreign keys. It applies when the
///     principals' query has no condition beyond the partition key and the discriminator, and no included query has a
///     limit, an offset or an ordering: anything else is read with a <c>Query</c> per principal instead.
/// </summary>
public sealed class DynamoItemCollectionRead
{
    private DynamoItemCollectionRead(DynamoReadPlan plan, DynamoExpression principalFilter, IReadOnlyList<DynamoItemCollectionMember> collections)
    {
        Plan = plan;
        PrincipalFilter = principalFilter;
        Collections = collections;
    }

    /// <summary>The <c>Query</c> of the partition: the principals' key condition, the conditions of every type as filter.</summary>
    public DynamoReadPlan Plan { get; }

    /// <summary>The condition that tells a principal's item from the others: the principal's discriminator.</summary>
    public DynamoExpression PrincipalFilter { get; }

    /// <summary>The principal's included collections, each with its own.</summary>
    public IReadOnlyList<DynamoItemCollectionMember> Collections { get; }

    /// <summary>
    ///     The one read of the partition, when the principals' plan is a <c>Query</c> of the table by partition key alone
    ///     whose only filter is the discriminator, and every included collection lives in that partition; otherwise
    ///     <see langword="null" />.
    /// </summary>
    /// <param name="principals">The principals' query, with its included collections.</param>
    /// <param name="principalPlan">The principals' plan.</param>
    /// <param name="compileShaper">Compiles an included query's shaper, which materializes a dependent from its item.</param>
    /// <param name="tracking">Whether the query tracks what it reads.</param>
    public static DynamoItemCollectionRead? TryCreate(
        DynamoSelectExpression principals,
        DynamoReadPlan principalPlan,
        Func<ShapedQueryExpression, Func<QueryContext, Dictionary<string, AttributeValue>, object>> compileShaper,
        bool tracking)
    {
        var principalAccess = AsPartitionQuery(principalPlan);
        if (principals is not
            {
                ResultKind: DynamoResultKind.Items,
                Offset: null,
                ContinuationToken: null,
                ReadOptions.IndexName: null,
                IncludedReferences: [],
                IncludedCollections.Count: > 0
            }
            || PartitionOnly(principalAccess, principalPlan) is not { } principalFilter
            || !principals.IncludedCollections.All(include => InPartition(principals.EntityType, include))
            || !AreDistinct([principals.EntityType, .. IncludedTypes(principals)]))
        {
            return null;
        }

        var keyAttributes = principalPlan.TableKeyAttributeNames;
        var collections = principals.IncludedCollections.Select(include => Member(include, keyAttributes, compileShaper, tracking)).ToList();

        // The partition holds the principal and the whole graph; the principals' limit (Single, First) is no bound on its
        // items, and each type's condition keeps its own.
        var filter = Flatten(collections).Aggregate(principalFilter, (all, member) => new DynamoLogicalExpression(all, isAnd: false, member.ReadFilter));
        return new DynamoItemCollectionRead(new DynamoReadPlan(principals, principalAccess with { Filter = filter }, []), principalFilter, collections);
    }

    // The dependents of include are all in the parent's partition: same table, the foreign key holds their partition key
    // and references the parent's under the same attribute; their query is the correlation and conditions of their own
    // (the discriminator, a filtered include's Where, a query filter) without limit, offset or ordering (the partition's
    // Query reads in the principal's order), and the same holds for their own includes.
    private static bool InPartition(IEntityType parentType, DynamoCollectionInclude include)
    {
        var foreignKey = include.Navigation.ForeignKey;
        var dependents = Select(include);
        var dependentType = dependents.EntityType;
        var partitionKey = parentType.GetPartitionKeyProperty();
        var index = foreignKey.Properties.ToList().IndexOf(dependentType.GetPartitionKeyProperty());
        return dependentType.GetDynamoTableName() == parentType.GetDynamoTableName()
            && index >= 0
            && foreignKey.PrincipalKey.Properties[index] == partitionKey
            && foreignKey.Properties[index].GetAttributeName() == partitionKey.GetAttributeName()
            && dependents is
            {
                ResultKind: DynamoResultKind.Items,
                Limits.Count: 0,
                Offset: null,
                Orderings.Count: 0,
                ReadOptions.IndexName: null,
                PartiQL: null,
                IncludedReferences: []
            }
            && OwnCondition(dependents.Predicate, include) is { } condition
            && DiscriminatorOf(condition, dependentType) != null
            && dependents.IncludedCollections.All(i => InPartition(dependentType, i));
    }

    private static DynamoItemCollectionMember Member(
        DynamoCollectionInclude include,
        IReadOnlyList<string> keyAttributes,
        Func<ShapedQueryExpression, Func<QueryContext, Dictionary<string, AttributeValue>, object>> compileShaper,
        bool tracking)
    {
        var dependents = Select(include);
        var condition = OwnCondition(dependents.Predicate, include)!;

        // A Query may not filter on its key attributes: such a condition is left to the client, the discriminator alone
        // reads the items it is evaluated on.
        var readFilter = DynamoAttributeFinder.FindIn(condition).Any(a => keyAttributes.Contains(a.AttributeName))
            ? DiscriminatorOf(condition, dependents.EntityType)!
            : condition;
        return new DynamoItemCollectionMember(
            include,
            condition,
            readFilter,
            compileShaper((ShapedQueryExpression)include.Dependents),
            tracking,
            [.. dependents.IncludedCollections.Select(i => Member(i, keyAttributes, compileShaper, tracking))]);
    }

    private static DynamoSelectExpression Select(DynamoCollectionInclude include)
        => (DynamoSelectExpression)((ShapedQueryExpression)include.Dependents).QueryExpression;

    // The dependents' conditions without the correlation (each foreign-key property equal to its key parameter, which
    // the foreign key links instead), or null when the correlation is not all there, or nothing else is (no
    // discriminator would tell the items apart).
    private static DynamoExpression? OwnCondition(DynamoExpression? predicate, DynamoCollectionInclude include)
    {
        var conjuncts = predicate == null ? [] : Conjuncts(predicate).ToList();
        var foreignKey = include.Navigation.ForeignKey.Properties.ToList();
        var correlation = conjuncts
            .Select(c => (Conjunct: c, Index: c is DynamoComparisonExpression
                {
                    Operator: DynamoComparisonOperator.Equal,
                    Attribute: { IsNested: false } attribute,
                    Value.Value: QueryParameterExpression parameter
                }
                && foreignKey.IndexOf(attribute.Property) is var index and >= 0
                && include.KeyParameters[index].Name == parameter.Name
                    ? index
                    : -1))
            .Where(c => c.Index >= 0)
            .ToList();
        return correlation.Select(c => c.Index).Distinct().Count() == foreignKey.Count
            ? DynamoConjunctionExpression.Of(conjuncts.Where(c => correlation.TrueForAll(k => k.Conjunct != c)))
            : null;
    }

    // The conjuncts of a condition that read the discriminator alone, which tell the type's items from the others.
    private static DynamoExpression? DiscriminatorOf(DynamoExpression condition, IEntityType entityType)
        => DynamoConjunctionExpression.Of(
            Conjuncts(condition).Where(c => DynamoAttributeFinder.FindIn(c).All(a => a.Property == entityType.FindDiscriminatorProperty())));

    private static IEnumerable<DynamoExpression> Conjuncts(DynamoExpression condition)
        => condition switch
        {
            DynamoLogicalExpression { IsAnd: true } and => Conjuncts(and.Left).Concat(Conjuncts(and.Right)),
            DynamoConjunctionExpression conjunction => conjunction.Operands.SelectMany(Conjuncts),
            _ => [condition]
        };

    private static IEnumerable<IEntityType> IncludedTypes(DynamoSelectExpression select)
        => select.IncludedCollections.Select(Select).SelectMany(d => (IEnumerable<IEntityType>)[d.EntityType, .. IncludedTypes(d)]);

    // Each item goes to the one type whose condition it meets: no type of the graph may be another's, or derive from it.
    private static bool AreDistinct(IReadOnlyList<IEntityType> types)
        => types.All(t => types.Count(other => t.IsAssignableFrom(other) || other.IsAssignableFrom(t)) == 1);

    private static IEnumerable<DynamoItemCollectionMember> Flatten(IEnumerable<DynamoItemCollectionMember> members)
        => members.SelectMany(m => (IEnumerable<DynamoItemCollectionMember>)[m, .. Flatten(m.Collections)]);

    // A plan as a Query of the partition with the discriminator as its only filter, where it reads no more of this type:
    // a principal whose items all hold one constant sort key is read by its partition key with a GetItem of that
    // constant, its discriminator checked on the item; the partition's Query, filtered on the discriminator, reads the
    // same item.
    private static DynamoAccessPlan AsPartitionQuery(DynamoReadPlan readPlan)
        => readPlan.AccessPlan is
            {
                Path: DynamoAccessPath.GetItem,
                SortKeyConditions: [DynamoComparisonExpression { Operator: DynamoComparisonOperator.Equal } sortKey],
                Filter: null,
                ClientFilter: { } discriminator
            }
            && readPlan.EntityType.GetConstantSortKeyValue() is { } constant
            && sortKey.Attribute.Property == readPlan.EntityType.GetSortKeyProperty()
            && sortKey.Value.Value is ConstantExpression { Value: var value }
            && Equals(value, constant)
                ? readPlan.AccessPlan with
                {
                    Path = DynamoAccessPath.Query, SortKeyConditions = [], Filter = discriminator, ClientFilter = null
                }
                : WithoutTypePrefix(readPlan.AccessPlan);

    // The items of a type whose sort key is a composite with a prefix are read with begins_with on the bare prefix; the
    // discriminator filter tells the same items apart, and the partition's Query must also read the other types' items.
    private static DynamoAccessPlan WithoutTypePrefix(DynamoAccessPlan accessPlan)
        => accessPlan is
            {
                Path: DynamoAccessPath.Query,
                SortKeyConditions: [DynamoFunctionExpression { Function: DynamoFunction.BeginsWith, Value: { IsPrefix: true, Components.Count: 0 } }]
            }
                ? accessPlan with { SortKeyConditions = [] }
                : accessPlan;

    // The discriminator filter of a Query by partition key alone on the table, or null.
    private static DynamoExpression? PartitionOnly(DynamoAccessPlan accessPlan, DynamoReadPlan readPlan)
        => accessPlan is
            {
                Path: DynamoAccessPath.Query,
                IndexName: null,
                SortKeyConditions.Count: 0,
                ClientFilter: null,
                Filter: { } filter
            }
            && readPlan.ProjectedProperties == null
            && DynamoAttributeFinder.FindIn(filter).All(a => a.Property == readPlan.EntityType.FindDiscriminatorProperty())
                ? filter
                : null;
}

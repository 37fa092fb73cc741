using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     One <c>Query</c> of a partition that holds a principal and its collection (single-table design): the principals'
///     query fixes the partition key, the dependents share the table, and their foreign key is the partition key, so the
///     partition's items are the principal and its dependents, told apart by the discriminator. It applies when neither
///     query has a condition beyond the partition key and the discriminator, and the dependents' query has no limit:
///     anything else is read with a <c>Query</c> per principal instead.
/// </summary>
public sealed class DynamoItemCollectionRead
{
    private DynamoItemCollectionRead(DynamoReadPlan plan, DynamoExpression principalFilter)
    {
        Plan = plan;
        PrincipalFilter = principalFilter;
    }

    /// <summary>The <c>Query</c> of the partition: the principals' key condition, the discriminators of both types as filter.</summary>
    public DynamoReadPlan Plan { get; }

    /// <summary>The condition that tells a principal's item from a dependent's: the principal's discriminator.</summary>
    public DynamoExpression PrincipalFilter { get; }

    /// <summary>
    ///     Whether the model and the operators allow one read: same table, the foreign key is the dependents' partition key
    ///     and references the principals' partition key under the same attribute, the principals' query is of whole items
    ///     without offset or paging, and the dependents' query has no limit, offset or ordering (the partition's Query reads in the principal's order).
    /// </summary>
    public static bool MayServe(DynamoSelectExpression principals, DynamoSelectExpression dependents, INavigation navigation)
    {
        var principalType = principals.EntityType;
        var dependentType = dependents.EntityType;
        var partitionKey = principalType.GetPartitionKeyProperty();
        return principalType.GetDynamoTableName() == dependentType.GetDynamoTableName()
            && navigation.ForeignKey.Properties is [var foreignKey]
            && foreignKey == dependentType.GetPartitionKeyProperty()
            && navigation.ForeignKey.PrincipalKey.Properties is [var principalKey]
            && principalKey == partitionKey
            && foreignKey.GetAttributeName() == partitionKey.GetAttributeName()
            && principals is { ResultKind: DynamoResultKind.Items, Offset: null, ContinuationToken: null, ReadOptions.IndexName: null }
            && dependents is { Limits.Count: 0, Offset: null, Orderings.Count: 0, ReadOptions.IndexName: null };
    }

    /// <summary>
    ///     The one read of the partition, when both plans are a <c>Query</c> of the table by partition key alone whose only
    ///     filter is the discriminator; otherwise <see langword="null" />.
    /// </summary>
    public static DynamoItemCollectionRead? TryCreate(DynamoSelectExpression principals, DynamoReadPlan principalPlan, DynamoReadPlan dependentPlan)
    {
        var principalAccess = AsPartitionQuery(principalPlan);
        if (PartitionOnly(principalAccess, principalPlan) is not { } principalFilter
            || PartitionOnly(AsPartitionQuery(dependentPlan), dependentPlan) is not { } dependentFilter)
        {
            return null;
        }

        // The partition holds one principal (its partition key is its key), so the principals' limit (Single, First) is
        // no bound on the items of the partition.
        var plan = principalAccess with { Filter = new DynamoLogicalExpression(principalFilter, isAnd: false, dependentFilter) };
        return new DynamoItemCollectionRead(new DynamoReadPlan(principals, plan, []), principalFilter);
    }

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
    // discriminator filter tells the same items apart, and the partition's Query must also read the other type's items.
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

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
    ///     without offset or paging, and the dependents' query has no limit or offset.
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
            && dependents is { Limits.Count: 0, Offset: null, ReadOptions.IndexName: null };
    }

    /// <summary>
    ///     The one read of the partition, when both plans are a <c>Query</c> of the table by partition key alone whose only
    ///     filter is the discriminator; otherwise <see langword="null" />.
    /// </summary>
    public static DynamoItemCollectionRead? TryCreate(DynamoSelectExpression principals, DynamoReadPlan principalPlan, DynamoReadPlan dependentPlan)
    {
        if (PartitionOnly(principalPlan) is not { } principalFilter || PartitionOnly(dependentPlan) is not { } dependentFilter)
        {
            return null;
        }

        // The partition holds one principal (its partition key is its key), so the principals' limit (Single, First) is
        // no bound on the items of the partition.
        var plan = principalPlan.AccessPlan with { Filter = new DynamoLogicalExpression(principalFilter, isAnd: false, dependentFilter) };
        return new DynamoItemCollectionRead(new DynamoReadPlan(principals, plan, []), principalFilter);
    }

    // The discriminator filter of a Query by partition key alone on the table, or null.
    private static DynamoExpression? PartitionOnly(DynamoReadPlan readPlan)
        => readPlan.AccessPlan is
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

namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary>
///     A <c>Query</c>'s key condition: an equality on each partition attribute (one, or up to four for a
///     multi-attribute index key), then conditions on the sort attributes in key order — equalities, and at most one
///     other condition (a comparison, <c>BETWEEN</c> or <c>begins_with</c>) on the last. Key values may not be null.
/// </summary>
public sealed class DynamoKeyConditionExpression : DynamoExpression
{
    /// <summary>The condition of a key with several attributes on either side.</summary>
    public DynamoKeyConditionExpression(IReadOnlyList<DynamoComparisonExpression> partitionKey, IReadOnlyList<DynamoExpression> sortKey)
    {
        PartitionKey = partitionKey;
        SortKey = sortKey;
    }

    /// <summary>The condition of a single-attribute key: the partition key's equality, and optionally one on the sort key.</summary>
    public DynamoKeyConditionExpression(DynamoComparisonExpression partitionKey, DynamoExpression? sortKey)
        : this([partitionKey], sortKey == null ? [] : [sortKey])
    {
    }

    /// <summary>The equalities on the partition attributes, in key order.</summary>
    public IReadOnlyList<DynamoComparisonExpression> PartitionKey { get; }

    /// <summary>The conditions on the leading sort attributes, in key order; empty when the sort key is not constrained.</summary>
    public IReadOnlyList<DynamoExpression> SortKey { get; }

    /// <summary>This key condition with other parts, or this very node when they are the same.</summary>
    public DynamoKeyConditionExpression Update(IReadOnlyList<DynamoComparisonExpression> partitionKey, IReadOnlyList<DynamoExpression> sortKey)
        => ReferenceEquals(partitionKey, PartitionKey) && ReferenceEquals(sortKey, SortKey) ? this : new DynamoKeyConditionExpression(partitionKey, sortKey);

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
        => Update(DynamoChildren.Visit(visitor, PartitionKey) ?? PartitionKey, DynamoChildren.Visit(visitor, SortKey) ?? SortKey);

    /// <inheritdoc />
    public override string ToString() => string.Join(" AND ", PartitionKey.Concat(SortKey));
}

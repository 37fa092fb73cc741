namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary>
///     A <c>Query</c>'s key condition: the partition key's equality, and optionally one condition on the sort key (a
///     comparison, <c>BETWEEN</c> or <c>begins_with</c>). Key values may not be null.
/// </summary>
public sealed class DynamoKeyConditionExpression(DynamoComparisonExpression partitionKey, DynamoExpression? sortKey) : DynamoExpression
{
    /// <summary>The equality on the partition key, which a <c>Query</c> always has.</summary>
    public DynamoComparisonExpression PartitionKey { get; } = partitionKey;

    /// <summary>The condition on the sort key (a comparison, <c>BETWEEN</c> or <c>begins_with</c>), if any.</summary>
    public DynamoExpression? SortKey { get; } = sortKey;

    /// <summary>This key condition with other parts, or this very node when they are the same.</summary>
    public DynamoKeyConditionExpression Update(DynamoComparisonExpression partitionKey, DynamoExpression? sortKey)
        => partitionKey == PartitionKey && sortKey == SortKey ? this : new DynamoKeyConditionExpression(partitionKey, sortKey);

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
        => Update(visitor.VisitAndConvert(PartitionKey, nameof(VisitChildren)), visitor.VisitAndConvert(SortKey, nameof(VisitChildren)));

    /// <inheritdoc />
    public override string ToString() => SortKey == null ? PartitionKey.ToString() : $"{PartitionKey} AND {SortKey}";
}

using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     The planner's decision: the access path and what DynamoDB evaluates on the key — an equality on the
///     partition key (or, for <c>BatchGetItem</c>, the collection of its values), a sort-key condition (a
///     comparison, <c>BETWEEN</c> or <c>begins_with</c>) — the filter left over for DynamoDB, the conditions a
///     <c>Query</c> may not filter on (its own key attributes) and that are applied to the returned items, and the
///     direction a <c>Query</c> reads the sort key in. A Query or Scan may read a secondary index; when the index does
///     not hold every attribute the query returns (only when forced with <c>WithIndex</c>), the full items are then
///     fetched from the table.
/// </summary>
public sealed record DynamoAccessPlan(
    DynamoAccessPath Path,
    DynamoComparisonExpression? PartitionKeyCondition,
    DynamoInExpression? PartitionKeyValues,
    DynamoExpression? SortKeyCondition,
    DynamoExpression? Filter,
    DynamoExpression? ClientFilter = null,
    bool ScanForward = true,
    string? IndexName = null,
    bool FetchFromTable = false,
    IProperty? SortKeyProperty = null);

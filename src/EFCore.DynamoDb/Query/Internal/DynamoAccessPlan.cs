using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     The planner's decision: the access path and what DynamoDB evaluates on the key — an equality on each
///     partition attribute, conditions on the sort attributes (equalities, then at most one comparison, <c>BETWEEN</c> or <c>begins_with</c>; one
///     condition unless the key has several sort attributes) — or, for <c>BatchGetItem</c>, the local collection of the
///     partition key's values (<c>PartitionKeyValues</c>) or of the sort key's (<c>SortKeyValues</c>), the other key
///     attribute fixed by an equality — the filter left over for DynamoDB, the conditions a
///     <c>Query</c> may not filter on (its own key attributes) and that are applied to the returned items, and the
///     direction a <c>Query</c> reads the sort key in. A Query or Scan may read a secondary index; when the index does
///     not hold every attribute the query returns (only when forced with <c>WithIndex</c>), the full items are then
///     fetched from the table. <c>SortKeyProperty</c> is the sort attribute a <c>Query</c> returns its items in the order of.
/// </summary>
public sealed record DynamoAccessPlan(
    DynamoAccessPath Path,
    IReadOnlyList<DynamoComparisonExpression> PartitionKeyConditions,
    DynamoInExpression? PartitionKeyValues,
    IReadOnlyList<DynamoExpression> SortKeyConditions,
    DynamoExpression? Filter,
    DynamoExpression? ClientFilter = null,
    bool ScanForward = true,
    string? IndexName = null,
    bool FetchFromTable = false,
    IProperty? SortKeyProperty = null,
    DynamoInExpression? SortKeyValues = null);

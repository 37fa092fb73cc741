namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>
///     The per-query read settings from the DynamoDB query operators: <c>WithConsistentRead</c>,
///     <c>WithPageSize</c>, <c>WithScanLimit</c>, <c>AllowScan</c>, <c>WithParallelScan</c> and <c>WithIndex</c>. Counts
///     are constants or query parameters.
/// </summary>
public sealed record DynamoReadOptions(
    bool ConsistentRead,
    Expression? PageSize,
    Expression? ScanLimit,
    bool AllowScan,
    Expression? ParallelSegments,
    string? IndexName)
{
    /// <summary>
    ///     No option set: eventually consistent reads, no page size or scan limit, scans as the <c>ScanBehavior</c>
    ///     option says, no parallel scan, the index the planner chooses.
    /// </summary>
    public static DynamoReadOptions Default { get; } = new(false, null, null, false, null, null);
}

using EFCore.DynamoDb.Query.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     The planner's decision: the access path, the conditions DynamoDB evaluates on the key (an equality on the
///     partition key, then up to two sort-key comparisons, two making a <c>BETWEEN</c>), the filter left over, and
///     the direction a <c>Query</c> reads the sort key in.
/// </summary>
public sealed record DynamoAccessPlan(
    DynamoAccessPath Path,
    IReadOnlyList<DynamoComparisonExpression> KeyConditions,
    DynamoExpression? Filter,
    bool ScanForward = true);

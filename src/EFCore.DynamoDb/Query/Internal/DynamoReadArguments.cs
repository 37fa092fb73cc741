namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     The values one execution of a <see cref="DynamoReadPlan" /> reads from its parameters, evaluated once: the
///     physical table, how many items to return and to skip, the page size (<c>WithPageSize</c>), the items read at
///     most (<c>WithScanLimit</c>), the segments of a parallel scan and the continuation token to resume from.
/// </summary>
public sealed record DynamoReadArguments(
    string TableName,
    int? Limit,
    int Offset,
    int? PageSize,
    int? ScanLimit,
    int? ParallelSegments,
    string? ContinuationToken)
{
    /// <summary>
    ///     Evaluates the arguments of <paramref name="plan" /> from the parameter values of <paramref
    ///     name="queryContext" />.
    /// </summary>
    public static DynamoReadArguments Evaluate(DynamoReadPlan plan, DynamoQueryContext queryContext)
    {
        var options = plan.ReadOptions;
        return new DynamoReadArguments(
            queryContext.TableNames.Resolve(plan.EntityType),
            SmallestLimit(plan.Limits, queryContext),
            plan.Offset == null ? 0 : Math.Max(0, DynamoQueryArgument.Evaluate<int>(plan.Offset, queryContext)),
            Optional(options.PageSize, queryContext),
            Optional(options.ScanLimit, queryContext),
            plan.AccessPlan.Path == DynamoAccessPath.Scan ? Optional(options.ParallelSegments, queryContext) : null,
            plan.ContinuationToken == null ? null : DynamoQueryArgument.Evaluate<string?>(plan.ContinuationToken, queryContext));
    }

    // The smallest of the bounds, or null when there is none; indexed, since a foreach over the interface allocates.
    private static int? SmallestLimit(IReadOnlyList<Expression> limits, QueryContext queryContext)
    {
        int? limit = null;
        for (var i = 0; i < limits.Count; i++)
        {
            var value = DynamoQueryArgument.Evaluate<int>(limits[i], queryContext);
            limit = limit < value ? limit : value;
        }

        return limit;
    }

    private static int? Optional(Expression? argument, QueryContext queryContext)
        => argument == null ? null : DynamoQueryArgument.Evaluate<int>(argument, queryContext);
}

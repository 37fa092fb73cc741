namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Creates the <see cref="DynamoShapedQueryCompilingExpressionVisitor" /> of each query compilation, with the
///     access-path planner.
/// </summary>
public class DynamoShapedQueryCompilingExpressionVisitorFactory(
    ShapedQueryCompilingExpressionVisitorDependencies dependencies,
    IDynamoAccessPathPlanner planner) : IShapedQueryCompilingExpressionVisitorFactory
{
    /// <inheritdoc />
    public virtual ShapedQueryCompilingExpressionVisitor Create(QueryCompilationContext queryCompilationContext)
        => new DynamoShapedQueryCompilingExpressionVisitor(dependencies, queryCompilationContext, planner);
}

namespace EFCore.DynamoDb.Query.Internal;

public class DynamoShapedQueryCompilingExpressionVisitorFactory(
    ShapedQueryCompilingExpressionVisitorDependencies dependencies,
    IDynamoAccessPathPlanner planner) : IShapedQueryCompilingExpressionVisitorFactory
{
    public virtual ShapedQueryCompilingExpressionVisitor Create(QueryCompilationContext queryCompilationContext)
        => new DynamoShapedQueryCompilingExpressionVisitor(dependencies, queryCompilationContext, planner);
}

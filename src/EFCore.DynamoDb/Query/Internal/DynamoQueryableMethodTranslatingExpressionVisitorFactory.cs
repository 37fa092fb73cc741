namespace EFCore.DynamoDb.Query.Internal;

public class DynamoQueryableMethodTranslatingExpressionVisitorFactory(QueryableMethodTranslatingExpressionVisitorDependencies dependencies)
    : IQueryableMethodTranslatingExpressionVisitorFactory
{
    public virtual QueryableMethodTranslatingExpressionVisitor Create(QueryCompilationContext queryCompilationContext)
        => new DynamoQueryableMethodTranslatingExpressionVisitor(dependencies, queryCompilationContext);
}

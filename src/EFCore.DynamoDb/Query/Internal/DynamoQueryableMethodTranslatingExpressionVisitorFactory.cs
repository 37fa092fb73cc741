namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Creates the <see cref="DynamoQueryableMethodTranslatingExpressionVisitor" /> of each query compilation.
/// </summary>
public class DynamoQueryableMethodTranslatingExpressionVisitorFactory(QueryableMethodTranslatingExpressionVisitorDependencies dependencies)
    : IQueryableMethodTranslatingExpressionVisitorFactory
{
    /// <inheritdoc />
    public virtual QueryableMethodTranslatingExpressionVisitor Create(QueryCompilationContext queryCompilationContext)
        => new DynamoQueryableMethodTranslatingExpressionVisitor(dependencies, queryCompilationContext);
}

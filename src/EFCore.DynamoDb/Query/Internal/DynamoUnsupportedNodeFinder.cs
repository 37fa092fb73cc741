namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Finds the first node of a predicate or projection that cannot be answered from the items of the one table a
///     DynamoDB query reads: a subquery (another query root, or a collection navigation EF Core expanded into one), the
///     include of a navigation to another entity type, or any other node the provider does not know and that does not
///     reduce to ordinary code. Owned navigations are stored inside the item, and pass.
/// </summary>
public sealed class DynamoUnsupportedNodeFinder : ExpressionVisitor
{
    private Expression? _found;

    private DynamoUnsupportedNodeFinder()
    {
    }

    /// <summary>The first unsupported node of <paramref name="expression" />, or <see langword="null" />.</summary>
    public static Expression? Find(Expression expression)
    {
        var finder = new DynamoUnsupportedNodeFinder();
        finder.Visit(expression);
        return finder._found;
    }

    /// <inheritdoc />
    public override Expression? Visit(Expression? node) => _found == null ? base.Visit(node) : node;

    // A subquery is shown whole: the operators over the query root, not the root alone.
    /// <inheritdoc />
    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (IsOperator(node) && SourceRoot(node) is QueryRootExpression)
        {
            _found = node;
            return node;
        }

        return base.VisitMethodCall(node);
    }

    /// <inheritdoc />
    protected override Expression VisitExtension(Expression node)
    {
        switch (node)
        {
            case StructuralTypeShaperExpression or ProjectionBindingExpression or QueryParameterExpression:
            case MaterializeCollectionNavigationExpression { Navigation: INavigation { ForeignKey.IsOwnership: true } }:
                return node;

            case IncludeExpression { Navigation: INavigation { ForeignKey.IsOwnership: true } } include:
                Visit(include.EntityExpression);
                return node;

            case QueryRootExpression or MaterializeCollectionNavigationExpression or IncludeExpression:
            case { CanReduce: false }:
                _found = node;
                return node;

            default:
                return base.VisitExtension(node);
        }
    }

    private static Expression SourceRoot(Expression expression)
    {
        while (expression is MethodCallExpression { Arguments: [var source, ..] } call && IsOperator(call))
        {
            expression = source;
        }

        return expression;
    }

    private static bool IsOperator(MethodCallExpression call)
        => call.Method.DeclaringType == typeof(Queryable) || call.Method.DeclaringType == typeof(Enumerable);
}

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Prints part of a lambda the way the user wrote it: the translator replaced the lambda's parameter with the
///     entity's shaper, whose printout names EF Core's internals; here the shaper is shown as the parameter again.
/// </summary>
public sealed class DynamoExpressionDisplay : ExpressionVisitor
{
    private readonly Expression _shaper;
    private readonly ParameterExpression _parameter;

    private DynamoExpressionDisplay(Expression shaper, ParameterExpression parameter)
    {
        _shaper = shaper;
        _parameter = parameter;
    }

    /// <summary><paramref name="expression" /> printed, with <paramref name="shaper" /> shown as <paramref name="parameter" />.</summary>
    public static string Print(Expression expression, Expression? shaper, ParameterExpression? parameter)
        => (shaper == null || parameter == null ? expression : new DynamoExpressionDisplay(shaper, parameter).Visit(expression)!).Print();

    /// <inheritdoc />
    public override Expression? Visit(Expression? node) => node == _shaper ? _parameter : base.Visit(node);

    // Provider and EF Core nodes are printed as they are, except those a subquery shows its lambdas in.
    /// <inheritdoc />
    protected override Expression VisitExtension(Expression node)
        => node is MaterializeCollectionNavigationExpression or IncludeExpression ? base.VisitExtension(node) : node;
}

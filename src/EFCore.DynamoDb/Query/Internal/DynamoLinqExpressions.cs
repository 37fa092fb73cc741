namespace EFCore.DynamoDb.Query.Internal;

/// <summary>What the rewriters of navigation expansion's output ask of the LINQ expressions they take apart.</summary>
public static class DynamoLinqExpressions
{
    /// <summary>The lambda of an operator's argument, quoted or not; <see langword="null" /> when it is not a lambda.</summary>
    public static LambdaExpression? Lambda(Expression argument)
        => argument is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand as LambdaExpression : argument as LambdaExpression;

    /// <summary>Whether <paramref name="expression" /> uses <paramref name="parameter" />.</summary>
    public static bool References(Expression? expression, ParameterExpression parameter)
    {
        var finder = new ParameterFinder(parameter);
        finder.Visit(expression);
        return finder.Found;
    }

    private sealed class ParameterFinder(ParameterExpression parameter) : ExpressionVisitor
    {
        public bool Found { get; private set; }

        public override Expression? Visit(Expression? node) => Found ? node : base.Visit(node);

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Found |= node == parameter;
            return node;
        }
    }
}

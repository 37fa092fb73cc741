namespace EFCore.DynamoDb.Query.Internal;

/// <summary>Reads a query argument that is a constant or a parameter (such as <c>Take</c>'s count) for one execution.</summary>
public static class DynamoQueryArgument
{
    public static bool IsConstantOrParameter(Expression expression) => expression is ConstantExpression or QueryParameterExpression;

    public static Expression UnwrapConvert(Expression expression)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            expression = convert.Operand;
        }

        return expression;
    }

    public static T Evaluate<T>(Expression argument, QueryContext queryContext)
        => (T)(argument is ConstantExpression constant
            ? constant.Value!
            : queryContext.Parameters[((QueryParameterExpression)argument).Name]!);
}

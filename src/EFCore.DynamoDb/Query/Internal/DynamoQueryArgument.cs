namespace EFCore.DynamoDb.Query.Internal;

/// <summary>Reads a query argument that is a constant or a parameter (such as <c>Take</c>'s count) for one execution.</summary>
public static class DynamoQueryArgument
{
    /// <summary>
    ///     Whether <paramref name="expression" /> can be read per execution: a constant or a query parameter.
    /// </summary>
    public static bool IsConstantOrParameter(Expression expression) => expression is ConstantExpression or QueryParameterExpression;

    /// <summary><paramref name="expression" /> without the conversions the compiler wrapped around it.</summary>
    public static Expression UnwrapConvert(Expression expression)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            expression = convert.Operand;
        }

        return expression;
    }

    /// <summary>The value of <paramref name="argument" />, a constant or a parameter, for this execution.</summary>
    public static T Evaluate<T>(Expression argument, QueryContext queryContext)
        => (T)(argument is ConstantExpression constant
            ? constant.Value!
            : queryContext.Parameters[((QueryParameterExpression)argument).Name]!);
}

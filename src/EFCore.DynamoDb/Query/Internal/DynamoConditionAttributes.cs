using EFCore.DynamoDb.Query.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>The attributes a condition reads.</summary>
public static class DynamoConditionAttributes
{
    public static IEnumerable<DynamoAttributeExpression> Of(DynamoExpression expression)
        => expression switch
        {
            DynamoLogicalExpression logical => Of(logical.Left).Concat(Of(logical.Right)),
            DynamoNotExpression not => Of(not.Operand),
            DynamoComparisonExpression comparison => [comparison.Attribute],
            DynamoFunctionExpression function => [function.Attribute],
            DynamoInExpression @in => [@in.Attribute],
            DynamoAttributeExistsExpression exists => [exists.Attribute],
            DynamoBetweenExpression between => [between.Attribute],
            DynamoSizeExpression size => [size.Attribute],
            _ => throw new InvalidOperationException(CoreStrings.TranslationFailed(expression.ToString()))
        };
}

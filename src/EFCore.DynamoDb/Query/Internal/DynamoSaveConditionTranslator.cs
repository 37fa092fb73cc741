using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Translates a <c>SaveOnlyIf</c> condition over the stored item into a DynamoDB condition: the same forms as a
///     query's filter, with captured variables evaluated now, when the condition is set, so that the condition holds
///     constants only and a write renders it without a query context.
/// </summary>
public static class DynamoSaveConditionTranslator
{
    /// <summary>
    ///     The DynamoDB condition of <paramref name="condition" /> on <paramref name="entityType" />'s stored item;
    ///     throws when a part of it cannot be translated.
    /// </summary>
    public static DynamoExpression Translate(IEntityType entityType, LambdaExpression condition)
    {
        var parameter = condition.Parameters[0];
        var body = new CapturedValueEvaluator(parameter).Visit(condition.Body)!;
        var entity = new StructuralTypeShaperExpression(entityType, Expression.Constant(ValueBuffer.Empty), nullable: false);
        var translator = new DynamoPredicateTranslator(entity, parameter);
        return translator.Translate(ReplacingExpressionVisitor.Replace(parameter, entity, body))
            ?? throw new InvalidOperationException(
                DynamoStrings.SaveConditionNotTranslatable(entityType.DisplayName(), condition.Print(), translator.TranslationErrorDetails));
    }

    // Everything that does not read the entity is a value: a captured variable, a constant expression, a method call.
    private sealed class CapturedValueEvaluator(ParameterExpression parameter) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node)
        {
            if (node is null or ConstantExpression or LambdaExpression || node == parameter || DynamoLinqExpressions.References(node, parameter))
            {
                return base.Visit(node);
            }

            var value = Expression.Lambda<Func<object?>>(Expression.Convert(node, typeof(object))).Compile().Invoke();
            return Expression.Constant(value, node.Type);
        }
    }
}

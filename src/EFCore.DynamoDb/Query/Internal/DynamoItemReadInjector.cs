using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Points EF Core's materializer at the returned item: each value-buffer read of a property becomes a read of
///     its attribute, and the (unused) value buffer becomes empty.
/// </summary>
public sealed class DynamoItemReadInjector(ParameterExpression itemParameter) : ExpressionVisitor
{
    protected override Expression VisitMethodCall(MethodCallExpression methodCallExpression)
    {
        var method = methodCallExpression.Method;
        if (method.IsGenericMethod
            && method.GetGenericMethodDefinition() == Microsoft.EntityFrameworkCore.Infrastructure.ExpressionExtensions.ValueBufferTryReadValueMethod)
        {
            var property = (IProperty)((ConstantExpression)methodCallExpression.Arguments[2]).Value!;
            return Expression.Call(
                DynamoItemValueReader.ReadValueMethod.MakeGenericMethod(methodCallExpression.Type),
                itemParameter,
                Expression.Constant(property.GetAttributeName()),
                Expression.Constant((DynamoTypeMapping)property.GetTypeMapping()),
                Expression.Constant(property, typeof(IProperty)));
        }

        return base.VisitMethodCall(methodCallExpression);
    }

    protected override Expression VisitExtension(Expression node)
        => node is ProjectionBindingExpression { Type: var type } && type == typeof(ValueBuffer)
            ? Expression.Constant(ValueBuffer.Empty)
            : base.VisitExtension(node);

    public static ParameterExpression CreateItemParameter()
        => Expression.Parameter(typeof(Dictionary<string, AttributeValue>), "item");
}

using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Query.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Compiles a translated query: plans its access path once, builds the shaper that materializes items, and
///     returns the expression that creates a <see cref="DynamoQueryingEnumerable{T}" /> per execution.
/// </summary>
public class DynamoShapedQueryCompilingExpressionVisitor(
    ShapedQueryCompilingExpressionVisitorDependencies dependencies,
    QueryCompilationContext queryCompilationContext,
    IDynamoAccessPathPlanner planner)
    : ShapedQueryCompilingExpressionVisitor(dependencies, queryCompilationContext)
{
    protected override Expression VisitShapedQuery(ShapedQueryExpression shapedQueryExpression)
    {
        var selectExpression = (DynamoSelectExpression)shapedQueryExpression.QueryExpression;
        var compiledRead = new DynamoCompiledRead(selectExpression, planner.Plan(selectExpression));

        Type resultType;
        Expression shaper;
        if (selectExpression.ResultKind == DynamoResultKind.Items)
        {
            var itemParameter = DynamoItemReadInjector.CreateItemParameter();
            var body = new DynamoItemReadInjector(
                    itemParameter,
                    Dependencies.EntityMaterializerSource,
                    fixupOwnedNavigations: QueryCompilationContext.QueryTrackingBehavior == QueryTrackingBehavior.NoTracking)
                .Visit(InjectStructuralTypeMaterializers(new DynamoOwnedIncludeRewriter().Visit(shapedQueryExpression.ShaperExpression)));
            resultType = body.Type;
            shaper = Expression.Constant(
                Expression.Lambda(
                        typeof(Func<,,>).MakeGenericType(typeof(QueryContext), typeof(Dictionary<string, AttributeValue>), resultType),
                        body,
                        QueryCompilationContext.QueryContextParameter,
                        itemParameter)
                    .Compile());
        }
        else
        {
            resultType = shapedQueryExpression.ShaperExpression.Type;
            shaper = Expression.Constant(null, typeof(Func<,,>).MakeGenericType(typeof(QueryContext), typeof(Dictionary<string, AttributeValue>), resultType));
        }

        return Expression.New(
            typeof(DynamoQueryingEnumerable<>).MakeGenericType(resultType).GetConstructors()[0],
            Expression.Convert(QueryCompilationContext.QueryContextParameter, typeof(DynamoQueryContext)),
            Expression.Constant(compiledRead),
            shaper,
            Expression.Constant(QueryCompilationContext.ContextType),
            Expression.Constant(QueryCompilationContext.QueryTrackingBehavior == QueryTrackingBehavior.NoTrackingWithIdentityResolution),
            Expression.Constant(Dependencies.CoreSingletonOptions.AreThreadSafetyChecksEnabled));
    }
}

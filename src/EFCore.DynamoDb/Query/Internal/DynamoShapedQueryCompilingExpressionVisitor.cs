using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Query.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Compiles a translated query: builds the shaper (reading projected properties straight from the item, and
///     materializing entities only when the result needs them), plans the access path once, and returns the
///     expression that creates a <see cref="DynamoQueryingEnumerable{T}" /> per execution.
/// </summary>
public class DynamoShapedQueryCompilingExpressionVisitor(
    ShapedQueryCompilingExpressionVisitorDependencies dependencies,
    QueryCompilationContext queryCompilationContext,
    IDynamoAccessPathPlanner planner)
    : ShapedQueryCompilingExpressionVisitor(dependencies, queryCompilationContext)
{
    private static readonly Type ItemType = typeof(Dictionary<string, AttributeValue>);

    // The shaper of a read whose items are shaped afterwards.
    private static readonly Func<QueryContext, Dictionary<string, AttributeValue>, Dictionary<string, AttributeValue>> ReadItem = (_, item) => item;

    private static readonly MethodInfo EfSingleAsyncMethod = EfSingleMethod(nameof(SingleAsync));
    private static readonly MethodInfo EfSingleOrDefaultAsyncMethod = EfSingleMethod(nameof(SingleOrDefaultAsync));

    /// <inheritdoc />
    protected override Expression VisitExtension(Expression extensionExpression)
    {
        if (extensionExpression is ShapedQueryExpression
            {
                ResultCardinality: ResultCardinality.Single or ResultCardinality.SingleOrDefault
            } single
            && QueryCompilationContext.IsAsync)
        {
            return VisitSingleAsync(single);
        }

        if (extensionExpression is not DynamoNonQueryExpression nonQuery)
        {
            return base.VisitExtension(extensionExpression);
        }

        // The items to write are read by their keys only.
        var selectExpression = nonQuery.SelectExpression;
        selectExpression.ApplyProjection(selectExpression.EntityType.GetTableKeyProperties());
        var executor = new DynamoNonQueryExecutor(new DynamoReadPlan(selectExpression, planner.Plan(selectExpression), selectExpression.Limits), nonQuery.Setters);
        return Expression.Call(
            Expression.Constant(executor),
            QueryCompilationContext.IsAsync ? DynamoNonQueryExecutor.ExecuteAsyncMethod : DynamoNonQueryExecutor.ExecuteMethod,
            Expression.Convert(QueryCompilationContext.QueryContextParameter, typeof(DynamoQueryContext)));
    }

    // An asynchronous single result: a plain read returns it from its own SingleAsync, one asynchronous layer and an
    // enumerator fewer than EF Core's SingleAsync over its results; any other enumerable goes through EF Core's.
    private MethodCallExpression VisitSingleAsync(ShapedQueryExpression shapedQueryExpression)
    {
        var results = VisitShapedQuery(shapedQueryExpression);
        var orDefault = shapedQueryExpression.ResultCardinality == ResultCardinality.SingleOrDefault;
        var cancellationToken = Expression.Property(QueryCompilationContext.QueryContextParameter, nameof(QueryContext.CancellationToken));
        var resultType = results.Type.GetInterfaces()
            .Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>))
            .GetGenericArguments()[0];
        return results.Type.GetGenericTypeDefinition() == typeof(DynamoQueryingEnumerable<>)
            ? Expression.Call(results, results.Type.GetMethod(nameof(DynamoQueryingEnumerable<object>.SingleAsync))!, Expression.Constant(orDefault), cancellationToken)
            : Expression.Call(
                (orDefault ? EfSingleOrDefaultAsyncMethod : EfSingleAsyncMethod).MakeGenericMethod(resultType), results, cancellationToken);
    }

    private static MethodInfo EfSingleMethod(string name)
        => typeof(ShapedQueryCompilingExpressionVisitor).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == name && m.GetParameters().Length == 2);

    /// <inheritdoc />
    protected override NewExpression VisitShapedQuery(ShapedQueryExpression shapedQueryExpression)
    {
        var results = VisitRead(shapedQueryExpression);
        if (((DynamoSelectExpression)shapedQueryExpression.QueryExpression).NavigationProjection is not { } projection)
        {
            return results;
        }

        // The projection runs on each entity read, with the query's parameters (a captured variable) read per execution,
        // and a member of a missing principal (o.Customer.Name) null as a database would make it.
        var body = new ParameterValueReader(QueryCompilationContext.QueryContextParameter)
            .Visit(new DynamoNullPropagatingRewriter(projection.Parameters[0]).Visit(projection.Body));
        var project = Expression.Lambda(body, QueryCompilationContext.QueryContextParameter, projection.Parameters[0]).Compile();
        return Expression.New(
            typeof(DynamoNavigationProjectingEnumerable<,>).MakeGenericType(projection.Parameters[0].Type, body.Type).GetConstructors()[0],
            results,
            Expression.Convert(QueryCompilationContext.QueryContextParameter, typeof(DynamoQueryContext)),
            Expression.Constant(project));
    }

    private NewExpression VisitRead(ShapedQueryExpression shapedQueryExpression)
    {
        var selectExpression = (DynamoSelectExpression)shapedQueryExpression.QueryExpression;
        if (selectExpression.ResultKind is DynamoResultKind.Count or DynamoResultKind.Any)
        {
            var countType = shapedQueryExpression.ShaperExpression.Type;
            return CreateEnumerable(countType, Plan(selectExpression), Expression.Constant(null, ShaperType(countType)));
        }

        var (shaper, resultType) = CompileShaper(shapedQueryExpression);
        var readPlan = Plan(selectExpression);
        if (ItemCollectionRead(selectExpression, readPlan, shaper) is { } itemCollection)
        {
            return itemCollection;
        }

        var values = CreateEnumerable(resultType, readPlan, shaper);
        if (IncludeLoaders(selectExpression) is { Count: > 0 } loaders)
        {
            return Expression.New(
                typeof(DynamoIncludingEnumerable<>).MakeGenericType(resultType).GetConstructors()[0],
                values,
                Expression.Convert(QueryCompilationContext.QueryContextParameter, typeof(DynamoQueryContext)),
                Expression.Constant(loaders));
        }

        if (selectExpression.ResultKind != DynamoResultKind.Aggregate)
        {
            return values;
        }

        var aggregateType = typeof(DynamoAggregateEnumerable<,>).MakeGenericType(resultType, selectExpression.AggregateResultType!);
        return Expression.New(
            aggregateType.GetConstructors()[0],
            values,
            Expression.Constant(
                DynamoAggregateOperators.CreateMethod.MakeGenericMethod(resultType, selectExpression.AggregateResultType!)
                    .Invoke(null, [selectExpression.AggregateOperator])));
    }

    // The shaper of the query's items (reading projected properties straight from the item, materializing entities only
    // when the result needs them), with the projection it reads applied to the select expression.
    private (ConstantExpression Shaper, Type ResultType) CompileShaper(ShapedQueryExpression shapedQueryExpression)
    {
        var selectExpression = (DynamoSelectExpression)shapedQueryExpression.QueryExpression;
        var itemParameter = DynamoItemReadInjector.CreateItemParameter();
        var projection = new DynamoProjectionRewriter();
        var body = new DynamoNullPropagatingRewriter().Visit(projection.Visit(shapedQueryExpression.ShaperExpression));
        selectExpression.ApplyProjection(projection.NeedsEntity ? null : PropertiesToRead(selectExpression.EntityType, projection.Properties));
        if (projection.NeedsEntity)
        {
            body = InjectStructuralTypeMaterializers(new DynamoOwnedIncludeRewriter().Visit(body));
        }

        body = new DynamoItemReadInjector(
                itemParameter,
                Dependencies.EntityMaterializerSource,
                fixupOwnedNavigations: QueryCompilationContext.QueryTrackingBehavior == QueryTrackingBehavior.NoTracking)
            .Visit(body);

        body = new ParameterValueReader(QueryCompilationContext.QueryContextParameter).Visit(body);
        return (Expression.Constant(Expression.Lambda(ShaperType(body.Type), body, QueryCompilationContext.QueryContextParameter, itemParameter).Compile()),
            body.Type);
    }

    // A principal and its collections (and theirs) in one partition of one table are read together, by one Query of that
    // partition.
    private NewExpression? ItemCollectionRead(DynamoSelectExpression selectExpression, DynamoReadPlan principalPlan, ConstantExpression principalShaper)
    {
        var tracking = QueryCompilationContext.QueryTrackingBehavior == QueryTrackingBehavior.TrackAll;
        if (DynamoItemCollectionRead.TryCreate(
                selectExpression,
                principalPlan,
                dependents => (Func<QueryContext, Dictionary<string, AttributeValue>, object>)CompileShaper(dependents).Shaper.Value!,
                tracking) is not { } read)
        {
            return null;
        }

        return Expression.New(
            typeof(DynamoItemCollectionEnumerable<>).MakeGenericType(principalShaper.Type.GetGenericArguments()[2]).GetConstructors()[0],
            Expression.Convert(QueryCompilationContext.QueryContextParameter, typeof(DynamoQueryContext)),
            Expression.Constant(read),
            CreateEnumerable(ItemType, read.Plan, Expression.Constant(ReadItem)),
            principalShaper);
    }

    // The principals' query of a reference include and the dependents' query of a collection include are compiled here,
    // each as a query of its own that shares this one's parameters and query context, into the enumerable of what it reads.
    private List<IDynamoIncludeLoader> IncludeLoaders(DynamoSelectExpression selectExpression)
    {
        var tracking = QueryCompilationContext.QueryTrackingBehavior == QueryTrackingBehavior.TrackAll;
        var loaders = new List<IDynamoIncludeLoader>();
        foreach (var include in selectExpression.IncludedReferences)
        {
            loaders.Add(new DynamoReferenceLoader(include, CompileIncludedRead(include.Principals), tracking));
        }

        foreach (var include in selectExpression.IncludedCollections)
        {
            loaders.Add(new DynamoCollectionLoader(include, CompileIncludedRead(include.Dependents), tracking));
        }

        return loaders;
    }

    private Func<QueryContext, object> CompileIncludedRead(Expression query)
        => Expression.Lambda<Func<QueryContext, object>>(VisitShapedQuery((ShapedQueryExpression)query), QueryCompilationContext.QueryContextParameter)
            .Compile();

    // Planned once. Min and Max of the sort key a Query reads in order need only its first item: the same Query, read
    // from the right end, one item.
    private DynamoReadPlan Plan(DynamoSelectExpression selectExpression)
    {
        var plan = planner.Plan(selectExpression);
        if (selectExpression is { ResultKind: DynamoResultKind.Aggregate, AggregateOperator: "Min" or "Max", ProjectedProperties: [var property] }
            && selectExpression.Orderings.Count == 0
            && selectExpression.Limits.Count == 0
            && plan.Path == DynamoAccessPath.Query
            && plan.SortKeyProperty == property)
        {
            return new DynamoReadPlan(
                selectExpression, plan with { ScanForward = selectExpression.AggregateOperator == "Min" }, [Expression.Constant(1)]);
        }

        return new DynamoReadPlan(selectExpression, plan, selectExpression.Limits);
    }

    // A projection that reads no attribute (x => 1) still needs its items, and DynamoDB refuses an empty
    // ProjectionExpression: the key is the least an item can be read with.
    private static IReadOnlyList<IProperty> PropertiesToRead(IEntityType entityType, IReadOnlyList<IProperty> projected)
        => projected.Count > 0 ? projected : entityType.GetTableKeyProperties();

    private NewExpression CreateEnumerable(Type resultType, DynamoReadPlan readPlan, Expression shaper)
        => Expression.New(
            typeof(DynamoQueryingEnumerable<>).MakeGenericType(resultType).GetConstructors()[0],
            Expression.Convert(QueryCompilationContext.QueryContextParameter, typeof(DynamoQueryContext)),
            Expression.Constant(readPlan),
            shaper,
            Expression.Constant(QueryCompilationContext.ContextType),
            Expression.Constant(QueryCompilationContext.QueryTrackingBehavior),
            Expression.Constant(Dependencies.CoreSingletonOptions.AreThreadSafetyChecksEnabled));

    // A captured variable used in the projection (x => x.Price * rate) is read from the query context per execution.
    private sealed class ParameterValueReader(ParameterExpression queryContext) : ExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node)
            => node is QueryParameterExpression parameter
                ? Expression.Convert(
                    Expression.Property(
                        Expression.Property(queryContext, nameof(QueryContext.Parameters)), "Item", Expression.Constant(parameter.Name)),
                    parameter.Type)
                : base.VisitExtension(node);
    }

    private static Type ShaperType(Type resultType) => typeof(Func<,,>).MakeGenericType(typeof(QueryContext), ItemType, resultType);
}

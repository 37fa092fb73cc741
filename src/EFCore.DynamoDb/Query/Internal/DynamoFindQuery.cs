using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Query.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     The query a <c>Find</c> runs when the entity is not tracked, compiled once per entity type and tracking behavior
///     with the key values as parameters: EF's own path builds the key predicate again on every call, extracts its
///     parameters and hashes it for the query cache. It is compiled by EF's query compiler, so the query goes through the
///     translator and the access-path planner as any other (a full key is a <c>GetItem</c>), and is tracked and shaped
///     exactly as EF's <c>Find</c> would be. Each execution runs the compiled delegate with a query context from the
///     finder's own factory, not through EF's compiled-query base, which resolves that factory from the context's
///     services on every call.
/// </summary>
/// <typeparam name="TResult">The entity, or a task of it for the asynchronous <c>Find</c>.</typeparam>
public sealed class DynamoFindQuery<TResult>
{
    private readonly LambdaExpression _query;
    private readonly bool _async;
    private readonly string[] _parameterNames;
    private Func<QueryContext, TResult>? _executor;
    private IModel? _model;

    /// <summary>Compiles, on first use, <c>FirstOrDefault</c> of the entity type whose key equals the lambda's key parameters.</summary>
    /// <param name="query">A lambda of one parameter per key property, in key order, whose body does not use the context.</param>
    /// <param name="async">Whether the query is run asynchronously.</param>
    public DynamoFindQuery(LambdaExpression query, bool async)
    {
        _query = query;
        _async = async;
        _parameterNames = [.. query.Parameters.Select(p => p.Name!)];
    }

    /// <summary>Runs the query for <paramref name="keyValues" /> in <paramref name="context" />.</summary>
    /// <param name="context">The context of the <c>Find</c>, whose model the query is compiled for.</param>
    /// <param name="queryContextFactory">The query context factory of <paramref name="context" />.</param>
    /// <param name="keyValues">The key values, one per key property, of the property types.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entity, or <see langword="null" /> when no item has the key.</returns>
    public TResult Execute(DbContext context, IQueryContextFactory queryContextFactory, object?[] keyValues, CancellationToken cancellationToken)
    {
        // Compiled by the first context that needs it: every context that runs it has the same model, that of the entity
        // type the finder source keeps the query for. Two first calls at once compile it twice, and one of them is kept.
        var executor = _executor ??= Compile(context);
        Debug.Assert(context.Model == _model, "A Find query is kept per entity type, so it runs in contexts of the model it was compiled for.");
        var queryContext = queryContextFactory.Create();
        queryContext.CancellationToken = cancellationToken;
        var parameters = queryContext.Parameters;
        for (var i = 0; i < keyValues.Length; i++)
        {
            parameters.Add(_parameterNames[i], keyValues[i]);
        }

        return executor(queryContext);
    }

    private Func<QueryContext, TResult> Compile(DbContext context)
    {
        _model = context.Model;
        var queryCompiler = context.GetService<IQueryCompiler>();
        var body = new KeyParameterRewriter(_query.Parameters).Visit(_query.Body);
        return _async ? queryCompiler.CreateCompiledAsyncQuery<TResult>(body) : queryCompiler.CreateCompiledQuery<TResult>(body);
    }

    // The key parameters become query parameters, read from the query context at each execution.
    private sealed class KeyParameterRewriter(IReadOnlyCollection<ParameterExpression> keys) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node)
            => keys.Contains(node) ? new QueryParameterExpression(node.Name!, node.Type) : node;
    }
}

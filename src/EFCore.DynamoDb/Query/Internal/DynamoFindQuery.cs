using Microsoft.EntityFrameworkCore.Query.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     The query a <c>Find</c> runs when the entity is not tracked, compiled once per entity type and tracking behavior
///     with the key values as parameters: EF's own path builds the key predicate again on every call, extracts its
///     parameters and hashes it for the query cache. It is EF's compiled-query machinery, so the query goes through the
///     translator and the access-path planner as any other (a full key is a <c>GetItem</c>), and is tracked and shaped
///     exactly as EF's <c>Find</c> would be.
/// </summary>
/// <typeparam name="TResult">The entity, or a task of it for the asynchronous <c>Find</c>.</typeparam>
public sealed class DynamoFindQuery<TResult> : CompiledQueryBase<DbContext, TResult>
{
    private readonly bool _async;

    /// <summary>Compiles, on first use, <c>FirstOrDefault</c> of the entity type whose key equals the lambda's key parameters.</summary>
    /// <param name="query">A lambda of the context and one parameter per key property, in key order.</param>
    /// <param name="async">Whether the query is run asynchronously.</param>
    public DynamoFindQuery(LambdaExpression query, bool async)
        : base(query)
        => _async = async;

    /// <summary>Runs the query for <paramref name="keyValues" /> in <paramref name="context" />.</summary>
    /// <param name="context">The context of the <c>Find</c>.</param>
    /// <param name="keyValues">The key values, one per key property, of the property types.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entity, or <see langword="null" /> when no item has the key.</returns>
    public TResult Execute(DbContext context, object?[] keyValues, CancellationToken cancellationToken)
        => ExecuteCore(context, cancellationToken, keyValues);

    /// <inheritdoc />
    protected override Func<QueryContext, TResult> CreateCompiledQuery(IQueryCompiler queryCompiler, Expression expression)
        => _async ? queryCompiler.CreateCompiledAsyncQuery<TResult>(expression) : queryCompiler.CreateCompiledQuery<TResult>(expression);
}

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     The results of a projection of collection navigations: the principals are read with those navigations included,
///     then the projection runs on each (<see cref="DynamoNavigationProjectionRewriter" />).
/// </summary>
/// <param name="principals">The principals read, their projected navigations loaded.</param>
/// <param name="queryContext">The query's context, whose parameters the projection reads.</param>
/// <param name="project">The projection of one principal.</param>
public sealed class DynamoNavigationProjectingEnumerable<TPrincipal, TResult>(
    IEnumerable<TPrincipal> principals,
    DynamoQueryContext queryContext,
    Func<QueryContext, TPrincipal, TResult> project) : IAsyncEnumerable<TResult>, IEnumerable<TResult>, IQueryingEnumerable, IDynamoPagedResults
{
    /// <inheritdoc />
    public string? ContinuationToken => (principals as IDynamoPagedResults)?.ContinuationToken;

    /// <inheritdoc />
    public string ToQueryString() => ((IQueryingEnumerable)principals).ToQueryString();

    /// <inheritdoc />
    public async IAsyncEnumerator<TResult> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var principal in ((IAsyncEnumerable<TPrincipal>)principals).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return project(queryContext, principal);
        }
    }

    /// <inheritdoc />
    public IEnumerator<TResult> GetEnumerator()
    {
        foreach (var principal in principals)
        {
            yield return project(queryContext, principal);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

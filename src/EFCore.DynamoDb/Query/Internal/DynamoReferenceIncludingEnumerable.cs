namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     The results of a query with an <c>Include</c> of a reference navigation: the dependents are read first, all of
///     them, so that their principals are read together, then returned with the navigation loaded.
/// </summary>
public sealed class DynamoReferenceIncludingEnumerable<T>(
    DynamoQueryingEnumerable<T> dependents,
    DynamoQueryContext queryContext,
    DynamoReferenceLoader loader) : IAsyncEnumerable<T>, IEnumerable<T>, IQueryingEnumerable, IDynamoPagedResults
    where T : class
{
    /// <inheritdoc />
    public string? ContinuationToken => dependents.ContinuationToken;

    /// <inheritdoc />
    public string ToQueryString() => dependents.ToQueryString();

    /// <inheritdoc />
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var results = new List<T>();
        await foreach (var result in dependents.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            results.Add(result);
        }

        await loader.LoadAsync(queryContext.Context, results, async: true, cancellationToken).ConfigureAwait(false);
        foreach (var result in results)
        {
            yield return result;
        }
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator()
    {
        var results = dependents.ToList();
        loader.LoadAsync(queryContext.Context, results, async: false, default).GetAwaiter().GetResult();
        return results.GetEnumerator();
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

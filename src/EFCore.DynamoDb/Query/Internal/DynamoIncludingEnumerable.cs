namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     The results of a query with <c>Include</c>s of navigations to other entity types: the query's own entities are read
///     first, all of them, then each loader reads what they include, and the entities are returned with their
///     navigations loaded. With <c>ToPageAsync</c> the page is of the query's entities.
/// </summary>
public sealed class DynamoIncludingEnumerable<T>(
    DynamoQueryingEnumerable<T> entities,
    DynamoQueryContext queryContext,
    IReadOnlyList<IDynamoIncludeLoader> loaders) : IAsyncEnumerable<T>, IEnumerable<T>, IQueryingEnumerable, IDynamoPagedResults
    where T : class
{
    /// <inheritdoc />
    public string? ContinuationToken => entities.ContinuationToken;

    /// <inheritdoc />
    public string ToQueryString() => entities.ToQueryString();

    /// <inheritdoc />
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var results = new List<T>();
        await foreach (var result in entities.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            results.Add(result);
        }

        foreach (var loader in loaders)
        {
            await loader.LoadAsync(queryContext, results, async: true, cancellationToken).ConfigureAwait(false);
        }

        foreach (var result in results)
        {
            yield return result;
        }
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator()
    {
        var results = entities.ToList();
        foreach (var loader in loaders)
        {
            loader.LoadAsync(queryContext, results, async: false, default).GetAwaiter().GetResult();
        }

        return results.GetEnumerator();
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

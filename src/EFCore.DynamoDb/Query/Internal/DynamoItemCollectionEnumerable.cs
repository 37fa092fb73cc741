using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     The results of an <c>Include</c> served by one <c>Query</c> of the partition (<see cref="DynamoItemCollectionRead" />):
///     the partition's items are read, the principal's shaped as the query's result, then each included collection's
///     dependents shaped and linked to their parents, down the <c>ThenInclude</c>s.
/// </summary>
public sealed class DynamoItemCollectionEnumerable<TPrincipal>(
    DynamoQueryContext queryContext,
    DynamoItemCollectionRead read,
    DynamoQueryingEnumerable<Dictionary<string, AttributeValue>> items,
    Func<QueryContext, Dictionary<string, AttributeValue>, TPrincipal> principalShaper) : IAsyncEnumerable<TPrincipal>, IEnumerable<TPrincipal>, IQueryingEnumerable
    where TPrincipal : class
{
    /// <inheritdoc />
    public string ToQueryString() => items.ToQueryString();

    /// <inheritdoc />
    public async IAsyncEnumerator<TPrincipal> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var partition = new List<Dictionary<string, AttributeValue>>();
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            partition.Add(item);
        }

        foreach (var principal in Shape(partition))
        {
            yield return principal;
        }
    }

    /// <inheritdoc />
    public IEnumerator<TPrincipal> GetEnumerator() => Shape([.. items]).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerable<TPrincipal> Shape(List<Dictionary<string, AttributeValue>> partition)
    {
        var isPrincipal = new DynamoItemPredicate(read.PrincipalFilter, queryContext.Parameters);
        var principals = partition
            .Where(isPrincipal.Matches)
            .Select(item => (Item: item, Entity: (object)principalShaper(queryContext, item)))
            .ToList();
        foreach (var collection in read.Collections)
        {
            collection.Load(queryContext, principals, partition);
        }

        return principals.Select(p => (TPrincipal)p.Entity);
    }
}

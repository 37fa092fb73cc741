using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     The results of an <c>Include</c> served by one <c>Query</c> of the partition (<see cref="DynamoItemCollectionRead" />):
///     the partition's items are read, the principal's shaped as the query's result and the others as its dependents,
///     then linked.
/// </summary>
public sealed class DynamoItemCollectionEnumerable<TPrincipal, TDependent>(
    DynamoQueryContext queryContext,
    DynamoItemCollectionRead read,
    DynamoQueryingEnumerable<Dictionary<string, AttributeValue>> items,
    Func<QueryContext, Dictionary<string, AttributeValue>, TPrincipal> principalShaper,
    Func<QueryContext, Dictionary<string, AttributeValue>, TDependent> dependentShaper,
    DynamoCollectionLinker linker) : IAsyncEnumerable<TPrincipal>, IEnumerable<TPrincipal>, IQueryingEnumerable
    where TPrincipal : class
    where TDependent : class
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

    private List<TPrincipal> Shape(List<Dictionary<string, AttributeValue>> partition)
    {
        var isPrincipal = new DynamoItemPredicate(read.PrincipalFilter, queryContext.Parameters);
        var principals = partition.Where(isPrincipal.Matches).Select(item => principalShaper(queryContext, item)).ToList();
        var dependents = partition.Where(item => !isPrincipal.Matches(item)).Select(item => (object)dependentShaper(queryContext, item)).ToList();
        foreach (var principal in principals)
        {
            linker.Link(queryContext, principal, dependents);
        }

        return principals;
    }
}

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>One page of a query's results, from <c>ToPageAsync</c>.</summary>
/// <typeparam name="T">The type of the results.</typeparam>
public sealed class DynamoDbPage<T>(IReadOnlyList<T> items, string? continuationToken)
{
    /// <summary>The results of this page, at most the page size.</summary>
    public IReadOnlyList<T> Items { get; } = items;

    /// <summary>
    ///     Pass it to the next <c>ToPageAsync</c> of the same query to read the following page; <see langword="null" />
    ///     when there are no more results.
    /// </summary>
    public string? ContinuationToken { get; } = continuationToken;
}

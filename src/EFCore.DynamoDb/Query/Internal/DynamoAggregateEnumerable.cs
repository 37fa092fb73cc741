using System.Collections;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     <c>Min</c>, <c>Max</c>, <c>Sum</c> or <c>Average</c> over the projected values of a query, which DynamoDB cannot
///     compute: the values stream in through the query's own enumerable and LINQ's operator folds them, with its
///     semantics (an empty sequence throws for a non-nullable <c>Min</c>, sums are checked…).
/// </summary>
public sealed class DynamoAggregateEnumerable<TValue, TResult>(
    DynamoQueryingEnumerable<TValue> values,
    Func<IEnumerable<TValue>, TResult> aggregate) : IEnumerable<TResult>, IAsyncEnumerable<TResult>
{
    /// <inheritdoc />
    public IEnumerator<TResult> GetEnumerator()
    {
        yield return aggregate(values);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public async IAsyncEnumerator<TResult> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var buffered = new List<TValue>();
        await foreach (var value in values.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            buffered.Add(value);
        }

        yield return aggregate(buffered);
    }
}

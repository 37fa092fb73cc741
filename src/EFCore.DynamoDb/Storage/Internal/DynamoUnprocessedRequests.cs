namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     The one retry loop for DynamoDB's batch operations, which may process only part of a request and hand the rest
///     back (<c>UnprocessedItems</c> of <c>BatchWriteItem</c>, <c>UnprocessedKeys</c> of <c>BatchGetItem</c>): what is
///     left is sent again, with exponential backoff, until nothing is left. Nothing is ever silently dropped: after
///     <see cref="MaxAttempts" /> attempts what is still left is reported by the caller's exception.
/// </summary>
public static class DynamoUnprocessedRequests
{
    /// <summary>How many times a batch is sent at most, the first time included.</summary>
    public const int MaxAttempts = 12;

    /// <summary>The wait before the second attempt; each later wait doubles, up to <see cref="MaxBackoff" />.</summary>
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(25);

    /// <summary>The longest wait between two attempts.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    /// <summary>Sends <paramref name="pending" />, then what each answer leaves unprocessed, until nothing is left.</summary>
    /// <typeparam name="TPending">What one request sends: the items or keys of a batch, by table.</typeparam>
    /// <typeparam name="TOperation">The batch operation: a value type, for which the loop is compiled.</typeparam>
    /// <param name="operation">Sends the requests, and says how to wait, when to resend all and what to throw at the end.</param>
    /// <param name="pending">What the first request sends.</param>
    /// <param name="cancellationToken">Cancels the sending and the waits.</param>
    public static async Task SendUntilProcessedAsync<TPending, TOperation>(
        TOperation operation,
        TPending pending,
        CancellationToken cancellationToken)
        where TOperation : IDynamoBatchOperation<TPending>
    {
        var backoff = FirstBackoff;
        var attempts = 0;
        while (operation.Count(pending) is var left and > 0)
        {
            if (attempts == MaxAttempts)
            {
                throw operation.Exhausted(left, attempts);
            }

            if (attempts > 0)
            {
                await operation.BackOffAsync(backoff, cancellationToken).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }

            attempts++;
            try
            {
                pending = await operation.SendAsync(pending, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (attempts < MaxAttempts && operation.IsRefusedWhole(exception))
            {
                // Nothing of the request was applied: all of it is sent again after the backoff.
            }
        }
    }
}

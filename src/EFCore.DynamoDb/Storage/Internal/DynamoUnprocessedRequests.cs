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
    /// <param name="pending">What the first request sends.</param>
    /// <param name="send">Sends a request for what is pending and returns what its answer left unprocessed.</param>
    /// <param name="count">How many items or keys are pending; zero when nothing is left.</param>
    /// <param name="backOff">Waits the given delay (and logs it) before what is left is sent again.</param>
    /// <param name="resendAll">
    ///     Whether a request that failed with this exception was refused as a whole, nothing of it applied (throttling),
    ///     so that it is sent again like unprocessed items. On the last attempt the exception is thrown instead.
    /// </param>
    /// <param name="exhausted">The exception thrown when something is still left after the last attempt, given how much and the attempts.</param>
    /// <param name="cancellationToken">Cancels the sending and the waits.</param>
    public static async Task SendUntilProcessedAsync<TPending>(
        TPending pending,
        Func<TPending, CancellationToken, Task<TPending>> send,
        Func<TPending, int> count,
        Func<TimeSpan, CancellationToken, Task> backOff,
        Func<Exception, bool> resendAll,
        Func<int, int, Exception> exhausted,
        CancellationToken cancellationToken)
    {
        var backoff = FirstBackoff;
        var attempts = 0;
        while (count(pending) is var left and > 0)
        {
            if (attempts == MaxAttempts)
            {
                throw exhausted(left, attempts);
            }

            if (attempts > 0)
            {
                await backOff(backoff, cancellationToken).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }

            attempts++;
            try
            {
                pending = await send(pending, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (attempts < MaxAttempts && resendAll(exception))
            {
                // Nothing of the request was applied: all of it is sent again after the backoff.
            }
        }
    }
}

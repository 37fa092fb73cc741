namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     One of DynamoDB's batch operations as <see cref="DynamoUnprocessedRequests" /> sends it: what a request sends,
///     what its answer leaves unprocessed, and how the loop waits, retries and gives up. A value type implements it, so
///     that the loop is compiled for it and a request allocates no delegates nor closure.
/// </summary>
/// <typeparam name="TPending">What one request sends: the items or keys of a batch, by table.</typeparam>
public interface IDynamoBatchOperation<TPending>
{
    /// <summary>How many items or keys are pending; zero when nothing is left.</summary>
    int Count(TPending pending);

    /// <summary>Sends a request for what is pending and returns what its answer left unprocessed.</summary>
    Task<TPending> SendAsync(TPending pending, CancellationToken cancellationToken);

    /// <summary>Waits the given delay (and logs it) before what is left is sent again.</summary>
    Task BackOffAsync(TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>
    ///     Whether a request that failed with this exception was refused as a whole, nothing of it applied (throttling),
    ///     so that it is sent again like unprocessed items. On the last attempt the exception is thrown instead.
    /// </summary>
    bool IsRefusedWhole(Exception exception);

    /// <summary>The exception thrown when something is still left after the last attempt, given how much and the attempts.</summary>
    Exception Exhausted(int left, int attempts);
}

using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Sends one <c>BatchGetItem</c> until every key of it is read: the keys DynamoDB leaves unprocessed (when throttled)
///     are sent again, after an exponential backoff, until none is left or the attempts run out.
/// </summary>
public static class DynamoBatchGetItemRetry
{
    private const int MaxAttempts = 12;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    /// <param name="tableName">The table the keys are read from.</param>
    /// <param name="keys">The keys to read, at most 100.</param>
    /// <param name="createRequest">Makes the request that reads the given keys.</param>
    /// <param name="send">Sends a request.</param>
    /// <param name="backOff">Waits the given time before the unprocessed keys are sent again.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The items found, in no particular order.</returns>
    public static async Task<List<Dictionary<string, AttributeValue>>> ReadAsync(
        string tableName,
        List<Dictionary<string, AttributeValue>> keys,
        Func<List<Dictionary<string, AttributeValue>>, BatchGetItemRequest> createRequest,
        Func<BatchGetItemRequest, CancellationToken, Task<BatchGetItemResponse>> send,
        Func<TimeSpan, CancellationToken, Task> backOff,
        CancellationToken cancellationToken)
    {
        var pending = keys;
        var items = new List<Dictionary<string, AttributeValue>>(pending.Count);
        var backoff = FirstBackoff;
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var response = await send(createRequest(pending), cancellationToken).ConfigureAwait(false);
            if (response.Responses?.TryGetValue(tableName, out var found) == true)
            {
                items.AddRange(found);
            }

            pending = response.UnprocessedKeys?.TryGetValue(tableName, out var unprocessed) == true ? unprocessed.Keys : [];
            if (pending.Count == 0)
            {
                break;
            }

            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException(DynamoStrings.UnprocessedKeysRemain(tableName, pending.Count, attempt));
            }

            await backOff(backoff, cancellationToken).ConfigureAwait(false);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }

        return items;
    }
}

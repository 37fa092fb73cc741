using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Reads items by their full keys with <c>BatchGetItem</c>: 100 keys a request, and the keys DynamoDB leaves
///     unprocessed (when throttled) sent again with exponential backoff until every key is read.
/// </summary>
public sealed class DynamoBatchGetReader(
    string tableName,
    IReadOnlyList<Dictionary<string, AttributeValue>> keys,
    bool consistentRead,
    string? projection = null,
    Dictionary<string, string>? names = null)
{
    public const int MaxKeysPerRequest = 100;
    private const int MaxAttempts = 12;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    private int _next;

    public bool HasMorePages => _next < keys.Count;

    public DynamoRequestDescription Describe() => DynamoRequestDescriber.Describe(CreateRequest(keys.Take(MaxKeysPerRequest).ToList()));

    public async Task<DynamoReadPage> ReadPageAsync(IDynamoClientWrapper client, CancellationToken cancellationToken)
    {
        var pending = keys.Skip(_next).Take(MaxKeysPerRequest).ToList();
        _next += pending.Count;

        var items = new List<Dictionary<string, AttributeValue>>(pending.Count);
        var backoff = FirstBackoff;
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var response = await client.BatchGetItemAsync(CreateRequest(pending), cancellationToken).ConfigureAwait(false);
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

            await client.BackOffAsync("BatchGetItem", backoff, cancellationToken).ConfigureAwait(false);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }

        return new DynamoReadPage(items, items.Count, items.Count);
    }

    private BatchGetItemRequest CreateRequest(List<Dictionary<string, AttributeValue>> batch)
        => new()
        {
            RequestItems = new Dictionary<string, KeysAndAttributes>
            {
                [tableName] = new()
                {
                    Keys = batch,
                    ConsistentRead = consistentRead ? true : null,
                    ProjectionExpression = projection,
                    ExpressionAttributeNames = names
                }
            }
        };
}

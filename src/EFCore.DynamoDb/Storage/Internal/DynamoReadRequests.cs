using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>The AWS SDK request shapes of a <see cref="DynamoReadCommand" />, and its description for the log and <c>ToQueryString()</c>.</summary>
public static class DynamoReadRequests
{
    /// <summary>DynamoDB reads at most 100 keys in one <c>BatchGetItem</c>.</summary>
    public const int MaxKeysPerBatchGet = 100;

    /// <summary>Describes the command as the request that reads its first page.</summary>
    public static DynamoRequestDescription Describe(DynamoReadCommand command)
        => command.Operation switch
        {
            DynamoReadOperation.GetItem => DynamoRequestDescriber.Describe(ToGetItemRequest(command)),
            DynamoReadOperation.BatchGetItem => DynamoRequestDescriber.Describe(ToBatchGetItemRequest(command, FirstBatch(command))),
            DynamoReadOperation.Query => DynamoRequestDescriber.Describe(ToQueryRequest(command)),
            DynamoReadOperation.ExecuteStatement => DynamoRequestDescriber.Describe(ToExecuteStatementRequest(command), command.TableName),
            _ => DynamoRequestDescriber.Describe(ToScanRequest(command))
        };

    /// <summary>The <c>GetItem</c> of a command reading one item by its full primary key.</summary>
    public static GetItemRequest ToGetItemRequest(DynamoReadCommand command)
        => new()
        {
            TableName = command.TableName,
            Key = command.Key,
            ConsistentRead = ConsistentRead(command),
            ProjectionExpression = command.Projection,
            ExpressionAttributeNames = command.Names
        };

    /// <summary>The <c>Query</c> of a command, from its start key: one page.</summary>
    public static QueryRequest ToQueryRequest(DynamoReadCommand command)
        => new()
        {
            TableName = command.TableName,
            IndexName = command.IndexName,
            KeyConditionExpression = command.KeyCondition,
            FilterExpression = command.Filter,
            ProjectionExpression = command.Projection,
            Select = command.CountOnly ? Select.COUNT : null,
            Limit = command.Limit,
            ScanIndexForward = command.ScanForward ? null : false,
            ConsistentRead = ConsistentRead(command),
            ExclusiveStartKey = command.StartKey,
            ExpressionAttributeNames = command.Names,
            ExpressionAttributeValues = command.Values
        };

    /// <summary>
    ///     The <c>Scan</c> of a command, from its start key: one page, of one segment when the scan is parallel.
    /// </summary>
    public static ScanRequest ToScanRequest(DynamoReadCommand command)
        => new()
        {
            TableName = command.TableName,
            IndexName = command.IndexName,
            FilterExpression = command.Filter,
            ProjectionExpression = command.Projection,
            Select = command.CountOnly ? Select.COUNT : null,
            Limit = command.Limit,
            ConsistentRead = ConsistentRead(command),
            Segment = command.Segment?.Segment,
            TotalSegments = command.Segment?.TotalSegments,
            ExclusiveStartKey = command.StartKey,
            ExpressionAttributeNames = command.Names,
            ExpressionAttributeValues = command.Values
        };

    /// <summary>The <c>ExecuteStatement</c> of a PartiQL command, from its next token: one page.</summary>
    public static ExecuteStatementRequest ToExecuteStatementRequest(DynamoReadCommand command)
        => new()
        {
            Statement = command.Statement,
            Parameters = command.Parameters is { Count: > 0 } ? command.Parameters : null,
            Limit = command.Limit,
            ConsistentRead = ConsistentRead(command),
            NextToken = command.NextToken
        };

    /// <summary>
    ///     The keys the next <c>BatchGetItem</c> request of the command reads: the command's own list when it holds no more
    ///     than one request reads (a request never changes the list it is given).
    /// </summary>
    public static List<Dictionary<string, AttributeValue>> FirstBatch(DynamoReadCommand command)
        => command.Keys is List<Dictionary<string, AttributeValue>> { Count: <= MaxKeysPerBatchGet } keys
            ? keys
            : command.Keys!.Take(MaxKeysPerBatchGet).ToList();

    /// <summary>A <c>BatchGetItem</c> of <paramref name="keys" /> (at most 100), read as the command says.</summary>
    public static BatchGetItemRequest ToBatchGetItemRequest(DynamoReadCommand command, List<Dictionary<string, AttributeValue>> keys)
        => new()
        {
            RequestItems = new Dictionary<string, KeysAndAttributes>
            {
                [command.TableName] = new()
                {
                    Keys = keys,
                    ConsistentRead = ConsistentRead(command),
                    ProjectionExpression = command.Projection,
                    ExpressionAttributeNames = command.Names
                }
            }
        };

    // Left unset unless asked for, so a request says only what differs from DynamoDB's default.
    private static bool? ConsistentRead(DynamoReadCommand command) => command.ConsistentRead ? true : null;
}

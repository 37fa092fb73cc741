using System.Runtime.InteropServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     The AWS SDK request shapes of write commands: alone, in a transaction or in a batch, and the read that follows a
///     transaction to learn what its atomic operations computed.
/// </summary>
public static class DynamoWriteCommandRequests
{
    /// <summary>How many puts and deletes one <c>BatchWriteItem</c> may carry.</summary>
    public const int MaxBatchWriteRequests = 25;

    /// <summary>The <c>PutItem</c> of a command writing a whole item.</summary>
    public static PutItemRequest ToPutItemRequest(DynamoWriteCommand command)
        => new()
        {
            TableName = command.TableName,
            Item = command.Item,
            ConditionExpression = command.ConditionExpression,
            ExpressionAttributeNames = command.Names,
            ExpressionAttributeValues = command.Values,
            ReturnValuesOnConditionCheckFailure = StoredOnConditionFailure(command)
        };

    /// <summary>The <c>UpdateItem</c> of a command changing attributes; a condition check alone is an update without actions.</summary>
    public static UpdateItemRequest ToUpdateItemRequest(DynamoWriteCommand command)
        => new()
        {
            TableName = command.TableName,
            Key = command.Key,
            ReturnValues = command.ReturnUpdatedAttributes ? ReturnValue.UPDATED_NEW : null,
            UpdateExpression = command.UpdateExpression,
            ConditionExpression = command.ConditionExpression,
            ExpressionAttributeNames = command.Names,
            ExpressionAttributeValues = command.Values,
            ReturnValuesOnConditionCheckFailure = StoredOnConditionFailure(command)
        };

    /// <summary>The <c>DeleteItem</c> of a command deleting an item by its key.</summary>
    public static DeleteItemRequest ToDeleteItemRequest(DynamoWriteCommand command)
        => new()
        {
            TableName = command.TableName,
            Key = command.Key,
            ConditionExpression = command.ConditionExpression,
            ExpressionAttributeNames = command.Names,
            ExpressionAttributeValues = command.Values,
            ReturnValuesOnConditionCheckFailure = StoredOnConditionFailure(command)
        };

    /// <summary>One transaction; the token makes DynamoDB apply it once however often it is sent within ten minutes.</summary>
    public static TransactWriteItemsRequest ToTransactWriteItemsRequest(IReadOnlyList<DynamoWriteCommand> commands, string clientRequestToken)
    {
        var items = new List<TransactWriteItem>(commands.Count);
        for (var i = 0; i < commands.Count; i++)
        {
            items.Add(ToTransactItem(commands[i]));
        }

        return new TransactWriteItemsRequest { TransactItems = items, ClientRequestToken = clientRequestToken };
    }

    /// <summary>One request of a <c>BatchWriteItem</c>, which only puts or deletes, without conditions.</summary>
    public static WriteRequest ToWriteRequest(DynamoWriteCommand command)
        => command.Kind switch
        {
            DynamoWriteCommandKind.Put => new WriteRequest { PutRequest = new PutRequest { Item = command.Item } },
            DynamoWriteCommandKind.Delete => new WriteRequest { DeleteRequest = new DeleteRequest { Key = command.Key } },
            _ => throw new ArgumentException(command.Kind.ToString(), nameof(command))
        };

    /// <summary>The requests of one <c>BatchWriteItem</c>, by table, in the order of the commands.</summary>
    public static Dictionary<string, List<WriteRequest>> ToBatchWriteItems(IReadOnlyList<DynamoWriteCommand> commands)
    {
        // An indexed loop: a foreach over the list's interface would allocate an enumerator per batch.
        var requests = new Dictionary<string, List<WriteRequest>>();
        for (var i = 0; i < commands.Count; i++)
        {
            var command = commands[i];
            ref var table = ref CollectionsMarshal.GetValueRefOrAddDefault(requests, command.TableName, out _);
            // Sized for a batch of one table, the usual one, so that the list does not grow through every size.
            (table ??= new List<WriteRequest>(commands.Count)).Add(ToWriteRequest(command));
        }

        return requests;
    }

    /// <summary>How many puts and deletes the requests of a <c>BatchWriteItem</c> hold, over all their tables.</summary>
    public static int CountWriteRequests(Dictionary<string, List<WriteRequest>> requests)
    {
        // Over the pairs: the dictionary's Values would allocate a collection for each request.
        var count = 0;
        foreach (var (_, table) in requests)
        {
            count += table.Count;
        }

        return count;
    }

    /// <summary>A consistent read of the given attributes of an item, for a transaction, which returns no values.</summary>
    public static GetItemRequest ToReadBackRequest(string tableName, Dictionary<string, AttributeValue> key, IEnumerable<string> attributeNames)
    {
        var names = attributeNames.Select((name, i) => (Placeholder: "#r" + i.ToString(CultureInfo.InvariantCulture), Name: name)).ToList();
        return new GetItemRequest
        {
            TableName = tableName,
            Key = key,
            ConsistentRead = true,
            ProjectionExpression = string.Join(", ", names.Select(n => n.Placeholder)),
            ExpressionAttributeNames = names.ToDictionary(n => n.Placeholder, n => n.Name)
        };
    }

    private static ReturnValuesOnConditionCheckFailure? StoredOnConditionFailure(DynamoWriteCommand command)
        => command.ReturnStoredItemOnConditionFailure ? ReturnValuesOnConditionCheckFailure.ALL_OLD : null;

    private static TransactWriteItem ToTransactItem(DynamoWriteCommand command)
        => command.Kind switch
        {
            DynamoWriteCommandKind.Put => new TransactWriteItem
            {
                Put = new Put
                {
                    TableName = command.TableName,
                    Item = command.Item,
                    ConditionExpression = command.ConditionExpression,
                    ExpressionAttributeNames = command.Names,
                    ExpressionAttributeValues = command.Values
                }
            },
            DynamoWriteCommandKind.ConditionCheck => new TransactWriteItem
            {
                ConditionCheck = new ConditionCheck
                {
                    TableName = command.TableName,
                    Key = command.Key,
                    ConditionExpression = command.ConditionExpression,
                    ExpressionAttributeNames = command.Names,
                    ExpressionAttributeValues = command.Values
                }
            },
            DynamoWriteCommandKind.Update => new TransactWriteItem
            {
                Update = new Amazon.DynamoDBv2.Model.Update
                {
                    TableName = command.TableName,
                    Key = command.Key,
                    UpdateExpression = command.UpdateExpression,
                    ConditionExpression = command.ConditionExpression,
                    ExpressionAttributeNames = command.Names,
                    ExpressionAttributeValues = command.Values
                }
            },
            _ => new TransactWriteItem
            {
                Delete = new Delete
                {
                    TableName = command.TableName,
                    Key = command.Key,
                    ConditionExpression = command.ConditionExpression,
                    ExpressionAttributeNames = command.Names,
                    ExpressionAttributeValues = command.Values
                }
            }
        };
}

using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
///     The AWS SDK request shapes of a planned write: alone, in a transaction or in a batch. A write sent alone asks,
///     when told to, for the stored item if its condition fails (<c>ALL_OLD</c>).
/// </summary>
public static class DynamoWriteRequests
{
    public static PutItemRequest ToPutItemRequest(DynamoWrite write, bool returnStoredOnConditionFailure)
        => new()
        {
            TableName = write.TableName,
            Item = write.Item,
            ConditionExpression = write.ConditionExpression,
            ExpressionAttributeNames = write.Names,
            ExpressionAttributeValues = write.Values,
            ReturnValuesOnConditionCheckFailure = StoredOnConditionFailure(returnStoredOnConditionFailure)
        };

    public static UpdateItemRequest ToUpdateItemRequest(DynamoWrite write, bool returnStoredOnConditionFailure)
        => new()
        {
            TableName = write.TableName,
            Key = write.Key,
            ReturnValues = write.AtomicProperties.Count > 0 ? ReturnValue.UPDATED_NEW : null,
            UpdateExpression = write.UpdateExpression,
            ConditionExpression = write.ConditionExpression,
            ExpressionAttributeNames = write.Names,
            ExpressionAttributeValues = write.Values,
            ReturnValuesOnConditionCheckFailure = StoredOnConditionFailure(returnStoredOnConditionFailure)
        };

    public static DeleteItemRequest ToDeleteItemRequest(DynamoWrite write, bool returnStoredOnConditionFailure)
        => new()
        {
            TableName = write.TableName,
            Key = write.Key,
            ConditionExpression = write.ConditionExpression,
            ExpressionAttributeNames = write.Names,
            ExpressionAttributeValues = write.Values,
            ReturnValuesOnConditionCheckFailure = StoredOnConditionFailure(returnStoredOnConditionFailure)
        };

    /// <summary>One transaction; the token makes DynamoDB apply it once however often it is sent within ten minutes.</summary>
    public static TransactWriteItemsRequest ToTransactWriteItemsRequest(IEnumerable<DynamoWrite> writes, string clientRequestToken)
        => new() { TransactItems = writes.Select(ToTransactItem).ToList(), ClientRequestToken = clientRequestToken };

    private static ReturnValuesOnConditionCheckFailure? StoredOnConditionFailure(bool returnStored)
        => returnStored ? ReturnValuesOnConditionCheckFailure.ALL_OLD : null;

    private static TransactWriteItem ToTransactItem(DynamoWrite write)
        => write.Kind switch
        {
            DynamoWriteKind.Put => new TransactWriteItem
            {
                Put = new Put
                {
                    TableName = write.TableName,
                    Item = write.Item,
                    ConditionExpression = write.ConditionExpression,
                    ExpressionAttributeNames = write.Names,
                    ExpressionAttributeValues = write.Values
                }
            },
            // An update with nothing to set only checks its conditions (the executor leaves out one without any).
            DynamoWriteKind.Update when write.UpdateExpression == null => new TransactWriteItem
            {
                ConditionCheck = new ConditionCheck
                {
                    TableName = write.TableName,
                    Key = write.Key,
                    ConditionExpression = write.ConditionExpression,
                    ExpressionAttributeNames = write.Names,
                    ExpressionAttributeValues = write.Values
                }
            },
            DynamoWriteKind.Update => new TransactWriteItem
            {
                Update = new Amazon.DynamoDBv2.Model.Update
                {
                    TableName = write.TableName,
                    Key = write.Key,
                    UpdateExpression = write.UpdateExpression,
                    ConditionExpression = write.ConditionExpression,
                    ExpressionAttributeNames = write.Names,
                    ExpressionAttributeValues = write.Values
                }
            },
            _ => new TransactWriteItem
            {
                Delete = new Delete
                {
                    TableName = write.TableName,
                    Key = write.Key,
                    ConditionExpression = write.ConditionExpression,
                    ExpressionAttributeNames = write.Names,
                    ExpressionAttributeValues = write.Values
                }
            }
        };

    /// <summary>A consistent read of the attributes a write changed atomically, for a transaction, which returns no values.</summary>
    public static GetItemRequest ToReadBackRequest(DynamoWrite write)
    {
        var names = write.AtomicProperties.Select((p, i) => (Placeholder: "#r" + i.ToString(CultureInfo.InvariantCulture), Name: p.GetAttributeName())).ToList();
        return new GetItemRequest
        {
            TableName = write.TableName,
            Key = write.Key,
            ConsistentRead = true,
            ProjectionExpression = string.Join(", ", names.Select(n => n.Placeholder)),
            ExpressionAttributeNames = names.ToDictionary(n => n.Placeholder, n => n.Name)
        };
    }

    public static WriteRequest ToWriteRequest(DynamoWrite write)
        => write.Kind == DynamoWriteKind.Put
            ? new WriteRequest { PutRequest = new PutRequest { Item = write.Item } }
            : new WriteRequest { DeleteRequest = new DeleteRequest { Key = write.Key } };
}

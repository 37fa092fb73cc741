using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>Sends each write as its own request, in order.</summary>
public class DynamoWriteExecutor(IDynamoClientWrapper client) : IDynamoWriteExecutor
{
    public virtual async Task<int> ExecuteAsync(IReadOnlyList<DynamoWrite> writes, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var write in writes)
        {
            try
            {
                await SendAsync(write, cancellationToken).ConfigureAwait(false);
                written++;
            }
            catch (ConditionalCheckFailedException exception)
            {
                throw ConditionFailed(write, exception);
            }
            catch (AmazonDynamoDBException exception)
            {
                throw new DbUpdateException(
                    DynamoStrings.WriteFailed(write.Entry.EntityType.DisplayName(), write.TableName, exception.Message), exception, [write.Entry]);
            }
        }

        return written;
    }

    private Task SendAsync(DynamoWrite write, CancellationToken cancellationToken)
        => write.Kind switch
        {
            DynamoWriteKind.Put => client.PutItemAsync(
                new PutItemRequest
                {
                    TableName = write.TableName,
                    Item = write.Item,
                    ConditionExpression = write.ConditionExpression,
                    ExpressionAttributeNames = write.Names,
                    ExpressionAttributeValues = write.Values
                },
                cancellationToken),
            DynamoWriteKind.Update => client.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = write.TableName,
                    Key = write.Key,
                    UpdateExpression = write.UpdateExpression,
                    ConditionExpression = write.ConditionExpression,
                    ExpressionAttributeNames = write.Names,
                    ExpressionAttributeValues = write.Values
                },
                cancellationToken),
            _ => client.DeleteItemAsync(
                new DeleteItemRequest
                {
                    TableName = write.TableName,
                    Key = write.Key,
                    ConditionExpression = write.ConditionExpression,
                    ExpressionAttributeNames = write.Names,
                    ExpressionAttributeValues = write.Values
                },
                cancellationToken)
        };

    // An insert's only condition is that its key is free, so its failure is a duplicate key; any other
    // failed condition means the stored item is no longer what this context read.
    private static DbUpdateException ConditionFailed(DynamoWrite write, ConditionalCheckFailedException exception)
    {
        var entityType = write.Entry.EntityType.DisplayName();
        return write.Kind == DynamoWriteKind.Put
            ? new DbUpdateException(DynamoStrings.DuplicateKey(entityType, write.TableName), exception, [write.Entry])
            : new DbUpdateConcurrencyException(DynamoStrings.ConcurrencyConflict(entityType, write.TableName), exception, [write.Entry]);
    }
}

using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Turns DynamoDB's refusal of a read, which a retry would not change, into a message that says what to do: a table or
///     index the model has but the database lacks, or DynamoDB's own reason naming the request and the table. The SDK's
///     exception stays the inner one.
/// </summary>
public static class DynamoReadFailures
{
    /// <summary>The exception to throw for <paramref name="exception" />, DynamoDB's answer to <paramref name="command" />.</summary>
    public static InvalidOperationException Translate(DynamoReadCommand command, AmazonDynamoDBException exception)
        => exception switch
        {
            // A table created before the index was added to the model: DynamoDB's answer is a bare ValidationException.
            { ErrorCode: "ValidationException" } when command.IndexName != null
                && exception.Message.Contains("does not have the specified index", StringComparison.Ordinal)
                => new InvalidOperationException(DynamoStrings.IndexMissingFromTable(command.IndexName, command.TableName), exception),
            ResourceNotFoundException => new InvalidOperationException(DynamoStrings.TableMissing(command.TableName), exception),
            _ => new InvalidOperationException(
                DynamoStrings.ReadFailed(DynamoReadRequests.Describe(command).Operation, command.TableName, exception.Message), exception)
        };
}

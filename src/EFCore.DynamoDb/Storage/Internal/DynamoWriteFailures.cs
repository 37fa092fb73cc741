using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Turns DynamoDB's refusals of a write request into the provider's own exceptions: a failed condition into
///     <see cref="DynamoConditionFailedException" />, any other refusal that a retry would not change into
///     <see cref="DynamoRequestFailedException" />. Transient failures pass unchanged, so that the execution strategy,
///     which also looks through a <see cref="DbUpdateException" /> at its inner exception, still recognises them.
/// </summary>
public static class DynamoWriteFailures
{
    private const string ConditionalCheckFailed = "ConditionalCheckFailed";
    private const string DuplicateItem = "DuplicateItem";

    /// <summary>Awaits a write request, translating how it failed.</summary>
    public static async Task<TResponse> TranslateAsync<TResponse>(Task<TResponse> write)
    {
        try
        {
            return await write.ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException exception)
        {
            throw new DynamoConditionFailedException([0], exception.Item, exception);
        }
        // A PartiQL INSERT of a key that exists: the condition every INSERT carries failed. The SDK may report it as its
        // base exception, with the error code only.
        catch (AmazonDynamoDBException exception) when (exception is DuplicateItemException || exception.ErrorCode == DuplicateItem)
        {
            throw new DynamoConditionFailedException([0], null, exception);
        }
        // A transaction fails as a whole; its cancellation reasons, one per item in order, tell whose condition failed.
        catch (TransactionCanceledException exception)
            when (exception.CancellationReasons?.Any(r => r.Code == ConditionalCheckFailed) == true)
        {
            var failed = exception.CancellationReasons
                .Select((reason, index) => (reason, index))
                .Where(r => r.reason.Code == ConditionalCheckFailed)
                .Select(r => r.index)
                .ToList();
            throw new DynamoConditionFailedException(failed, null, exception);
        }
        catch (AmazonDynamoDBException exception) when (!DynamoExecutionStrategy.IsTransient(exception))
        {
            throw new DynamoRequestFailedException(exception);
        }
    }
}

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
        catch (AmazonDynamoDBException exception) when (Translate(exception) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>
    ///     The provider's exception for how a write request failed, for a caller that awaits the request itself (one async
    ///     layer fewer than <see cref="TranslateAsync{TResponse}" />); <see langword="null" /> when the failure is transient
    ///     and passes unchanged.
    /// </summary>
    public static Exception? Translate(AmazonDynamoDBException exception)
        => exception switch
        {
            ConditionalCheckFailedException conditionFailed => new DynamoConditionFailedException([0], conditionFailed.Item, exception),

            // A PartiQL INSERT of a key that exists: the condition every INSERT carries failed. The SDK may report it as its
            // base exception, with the error code only.
            DuplicateItemException or { ErrorCode: DuplicateItem } => new DynamoConditionFailedException([0], null, exception),

            // A transaction fails as a whole; its cancellation reasons, one per item in order, tell whose condition failed.
            TransactionCanceledException canceled when canceled.CancellationReasons?.Any(r => r.Code == ConditionalCheckFailed) == true
                => new DynamoConditionFailedException(
                    canceled.CancellationReasons
                        .Select((reason, index) => (reason, index))
                        .Where(r => r.reason.Code == ConditionalCheckFailed)
                        .Select(r => r.index)
                        .ToList(),
                    null,
                    exception),
            _ when !DynamoExecutionStrategy.IsTransient(exception) => new DynamoRequestFailedException(exception),
            _ => null
        };
}

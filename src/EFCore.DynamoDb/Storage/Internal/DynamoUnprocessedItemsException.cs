namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     DynamoDB still left items of a <c>BatchWriteItem</c> unprocessed after every attempt
///     <see cref="DynamoUnprocessedRequests" /> makes: those items were not written.
/// </summary>
public sealed class DynamoUnprocessedItemsException : Exception
{
    /// <summary>Creates the exception for the items left.</summary>
    /// <param name="remaining">How many items were not written.</param>
    /// <param name="attempts">How many times the batch was sent.</param>
    public DynamoUnprocessedItemsException(int remaining, int attempts)
        : base(DynamoStrings.UnprocessedItemsRemain(remaining, attempts))
    {
        Remaining = remaining;
        Attempts = attempts;
    }

    /// <summary>How many items were not written.</summary>
    public int Remaining { get; }

    /// <summary>How many times the batch was sent.</summary>
    public int Attempts { get; }
}

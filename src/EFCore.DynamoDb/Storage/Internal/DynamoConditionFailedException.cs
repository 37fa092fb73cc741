using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     The condition of one or more write commands failed, so DynamoDB applied none of them: a write sent alone, or a
///     transaction, which fails as a whole. The SDK's exception is the inner one.
/// </summary>
public sealed class DynamoConditionFailedException : Exception
{
    /// <summary>Creates the exception for the commands at <paramref name="failedCommands" />.</summary>
    /// <param name="failedCommands">The positions, among the commands sent, of those whose condition failed.</param>
    /// <param name="storedItem">The stored item, when the command asked for it; otherwise <see langword="null" />.</param>
    /// <param name="serviceException">DynamoDB's answer.</param>
    public DynamoConditionFailedException(
        IReadOnlyList<int> failedCommands,
        Dictionary<string, AttributeValue>? storedItem,
        Exception serviceException)
        : base(serviceException.Message, serviceException)
    {
        FailedCommands = failedCommands;
        StoredItem = storedItem;
    }

    /// <summary>The positions, among the commands sent, of those whose condition failed: <c>[0]</c> for a write sent alone.</summary>
    public IReadOnlyList<int> FailedCommands { get; }

    /// <summary>
    ///     The item as stored when the condition failed, when the write asked for it
    ///     (<see cref="DynamoWriteCommand.ReturnStoredItemOnConditionFailure" />); <see langword="null" /> otherwise or when
    ///     there is no item.
    /// </summary>
    public Dictionary<string, AttributeValue>? StoredItem { get; }
}

using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
///     One planned write: what to send for one entry. It is independent of how it is sent (alone, in a batch or
///     in a transaction), so the executor can choose.
/// </summary>
public sealed record DynamoWrite(
    IUpdateEntry Entry,
    DynamoWriteKind Kind,
    string TableName,
    Dictionary<string, AttributeValue> Key,
    Dictionary<string, AttributeValue>? Item,
    string? UpdateExpression,
    string? ConditionExpression,
    Dictionary<string, string>? Names,
    Dictionary<string, AttributeValue>? Values)
{
    /// <summary>The properties this write changes atomically (<c>ADD</c>/<c>DELETE</c>); their new values are read back after the write.</summary>
    public IReadOnlyList<IProperty> AtomicProperties { get; init; } = [];

    /// <summary>
    ///     Whether the write adds to a number (an increment): the one action that a second application changes again, so
    ///     it is only sent with a client request token.
    /// </summary>
    public bool HasIncrement { get; init; }

    /// <summary>Whether an insert carries conditions of <c>SaveOnlyIf</c> besides its key being free.</summary>
    public bool HasSaveConditions { get; init; }

    /// <summary>The attributes an update sets, and those it removes (a <see langword="null" /> value).</summary>
    public IReadOnlyDictionary<string, AttributeValue?> Assignments { get; init; } = new Dictionary<string, AttributeValue?>();

    /// <summary>Whether the entry's original values are what the database held, so a failed condition means the item changed since.</summary>
    public bool OriginalValuesRead { get; init; }

    /// <summary>
    ///     The command that sends this write. An update that sets nothing only checks its conditions.
    /// </summary>
    /// <param name="returnStoredItemOnConditionFailure">Whether a failed condition of the write sent alone returns the stored item.</param>
    public DynamoWriteCommand ToCommand(bool returnStoredItemOnConditionFailure = false)
        => new(
            Kind switch
            {
                DynamoWriteKind.Put => DynamoWriteCommandKind.Put,
                DynamoWriteKind.Update when UpdateExpression == null => DynamoWriteCommandKind.ConditionCheck,
                DynamoWriteKind.Update => DynamoWriteCommandKind.Update,
                _ => DynamoWriteCommandKind.Delete
            },
            TableName,
            Key)
        {
            Item = Item,
            UpdateExpression = UpdateExpression,
            ConditionExpression = ConditionExpression,
            Names = Names,
            Values = Values,
            ReturnUpdatedAttributes = AtomicProperties.Count > 0,
            ReturnStoredItemOnConditionFailure = returnStoredItemOnConditionFailure
        };
}

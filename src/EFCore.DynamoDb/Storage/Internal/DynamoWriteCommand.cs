using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     One write to one item, independent of how it is sent (alone, in a transaction or in a batch): what the client
///     wrapper turns into the SDK's request. Its expressions hold placeholders only; <see cref="Names" /> and
///     <see cref="Values" /> say what they stand for.
/// </summary>
/// <param name="Kind">What the write does to the item.</param>
/// <param name="TableName">The table of the item.</param>
/// <param name="Key">
///     The primary key of the item; <see langword="null" /> for a <see cref="DynamoWriteCommandKind.Put" />, whose
///     <see cref="Item" /> holds it (a put request has no key of its own).
/// </param>
public sealed record DynamoWriteCommand(DynamoWriteCommandKind Kind, string TableName, Dictionary<string, AttributeValue>? Key)
{
    /// <summary>The whole item a <see cref="DynamoWriteCommandKind.Put" /> writes.</summary>
    public Dictionary<string, AttributeValue>? Item { get; init; }

    /// <summary>The <c>SET</c>/<c>REMOVE</c>/<c>ADD</c>/<c>DELETE</c> actions of an <see cref="DynamoWriteCommandKind.Update" />.</summary>
    public string? UpdateExpression { get; init; }

    /// <summary>What the stored item must satisfy for the write to be applied.</summary>
    public string? ConditionExpression { get; init; }

    /// <summary>The attribute names the placeholders of the expressions stand for.</summary>
    public Dictionary<string, string>? Names { get; init; }

    /// <summary>The values the placeholders of the expressions stand for.</summary>
    public Dictionary<string, AttributeValue>? Values { get; init; }

    /// <summary>
    ///     Whether a write sent alone returns the attributes it updated, as stored after it (<c>UPDATED_NEW</c>): the
    ///     results of atomic operations. A transaction returns no values; they are read back after it.
    /// </summary>
    public bool ReturnUpdatedAttributes { get; init; }

    /// <summary>
    ///     Whether a write sent alone whose condition fails returns the stored item (<c>ALL_OLD</c>), in
    ///     <see cref="DynamoConditionFailedException.StoredItem" />.
    /// </summary>
    public bool ReturnStoredItemOnConditionFailure { get; init; }
}

using System.Collections.ObjectModel;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
///     One planned write: what to send for one entry. It is independent of how it is sent (alone, in a batch or
///     in a transaction), so the executor can choose.
/// </summary>
/// <param name="Entry">The entry written.</param>
/// <param name="Command">What is sent for it.</param>
public sealed record DynamoWrite(IUpdateEntry Entry, DynamoWriteCommand Command)
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

    /// <summary>The size of a put's item, measured when it was planned; <see langword="null" /> for other writes.</summary>
    public long? ItemSize { get; init; }

    /// <summary>The attributes an update sets, and those it removes (a <see langword="null" /> value).</summary>
    public IReadOnlyDictionary<string, AttributeValue?> Assignments { get; init; } = ReadOnlyDictionary<string, AttributeValue?>.Empty;

    /// <summary>Whether the entry's original values are what the database held, so a failed condition means the item changed since.</summary>
    public bool OriginalValuesRead { get; init; }
}

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     The tracked entries of one context whose original values are what the database holds: materialized by a
///     tracking query (a LINQ query, <c>Find</c>, lazy or explicit loading), reloaded, or inserted by this context.
///     The conflict conditions of a save check only the values of such entries; an entry attached from outside has
///     no values read from the store to check.
/// </summary>
public interface IDynamoReadEntries : IResettableService
{
    /// <summary>
    ///     Records that <paramref name="entry" /> holds values read from the store (or written to it by this context).
    /// </summary>
    void MarkRead(IUpdateEntry entry);

    /// <summary>Makes room for up to <paramref name="count" /> more entries about to be marked read (the inserts of a save).</summary>
    void Reserve(int count);

    /// <summary>
    ///     Whether the conflict conditions of a save can check <paramref name="entry" />'s original values.
    /// </summary>
    bool WasRead(IUpdateEntry entry);
}

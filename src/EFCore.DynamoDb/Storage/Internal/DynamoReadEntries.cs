using System.Runtime.CompilerServices;

namespace EFCore.DynamoDb.Storage.Internal;

/// <inheritdoc />
public class DynamoReadEntries : IDynamoReadEntries
{
    private static readonly object Read = new();

    // Keyed weakly by the entry, not the entity: an entity detached and attached again gets a new entry and so no
    // longer counts as read, and an entry the change tracker dropped is not kept alive.
    private readonly ConditionalWeakTable<IUpdateEntry, object> _entries = [];

    /// <inheritdoc />
    public virtual void MarkRead(IUpdateEntry entry) => _entries.AddOrUpdate(entry, Read);

    /// <inheritdoc />
    public virtual bool WasRead(IUpdateEntry entry) => _entries.TryGetValue(entry, out _);

    // A pooled context forgets what its previous lease read.
    /// <inheritdoc />
    public virtual void ResetState() => _entries.Clear();

    /// <inheritdoc />
    public virtual Task ResetStateAsync(CancellationToken cancellationToken = default)
    {
        ResetState();
        return Task.CompletedTask;
    }
}

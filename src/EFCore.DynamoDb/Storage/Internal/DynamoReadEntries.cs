namespace EFCore.DynamoDb.Storage.Internal;

/// <inheritdoc />
public class DynamoReadEntries : IDynamoReadEntries
{
    // Below this many entries nothing is pruned: a short-lived context never pays for it.
    private const int MinimumPruneCount = 1024;

    // Keyed by the entry (by reference), not the entity: an entity detached and attached again gets a new entry and
    // so no longer counts as read. A plain set, unlike a weak table, takes no lock and allocates no handle per
    // entry; the detached entries it would keep alive are pruned whenever it has doubled since the last prune.
    private readonly HashSet<IUpdateEntry> _entries = new(ReferenceEqualityComparer.Instance);
    private int _pruneAt = MinimumPruneCount;

    /// <inheritdoc />
    public virtual void MarkRead(IUpdateEntry entry)
    {
        if (_entries.Add(entry) && _entries.Count >= _pruneAt)
        {
            _entries.RemoveWhere(static e => e.EntityState == EntityState.Detached);
            _pruneAt = Math.Max(MinimumPruneCount, _entries.Count * 2);
        }
    }

    // One allocation for a save's inserts instead of the set growing through every size up to them.
    /// <inheritdoc />
    public virtual void Reserve(int count) => _entries.EnsureCapacity(_entries.Count + count);

    /// <inheritdoc />
    public virtual bool WasRead(IUpdateEntry entry) => _entries.Contains(entry);

    // A pooled context forgets what its previous lease read.
    /// <inheritdoc />
    public virtual void ResetState()
    {
        _entries.Clear();
        _pruneAt = MinimumPruneCount;
    }

    /// <inheritdoc />
    public virtual Task ResetStateAsync(CancellationToken cancellationToken = default)
    {
        ResetState();
        return Task.CompletedTask;
    }
}

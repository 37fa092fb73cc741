using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     The per-execution state of a query: EF Core's, plus the client and the table names of this context; it records
///     the entries it tracks as read.
/// </summary>
public class DynamoQueryContext(
    QueryContextDependencies dependencies,
    IDynamoClientWrapper client,
    IDynamoTableNameResolver tableNames,
    IDynamoReadEntries readEntries,
    ScanBehavior scanBehavior) : QueryContext(dependencies)
{
    // An entity the query materializes and tracks holds the stored values: its later writes may be conditioned on them.
    /// <inheritdoc />
    public override InternalEntityEntry StartTracking(IEntityType entityType, object entity, in ISnapshot snapshot)
    {
        var entry = base.StartTracking(entityType, entity, snapshot);
        readEntries.MarkRead(entry);
        return entry;
    }

    /// <summary>
    ///     Makes room for the entries a page of <paramref name="count" /> items will track: the set of read entries then
    ///     grows once per page, not through every size up to it.
    /// </summary>
    public virtual void ReserveTracked(int count) => readEntries.Reserve(count);

    /// <summary>What a query that only a <c>Scan</c> can answer does: warn, run silently, or throw.</summary>
    public virtual ScanBehavior ScanBehavior { get; } = scanBehavior;

    /// <summary>The client wrapper the query's requests go through.</summary>
    public virtual IDynamoClientWrapper Client { get; } = client;

    /// <summary>Resolves the physical table names, with the context's prefix.</summary>
    public virtual IDynamoTableNameResolver TableNames { get; } = tableNames;
}

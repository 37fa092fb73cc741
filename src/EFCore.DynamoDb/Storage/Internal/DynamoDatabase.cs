using EFCore.DynamoDb.Update.Internal;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     The provider's <see cref="IDatabase" />: queries compile through EF Core's pipeline; <c>SaveChanges</c>
///     recomputes composites, validates and plans every write first (so bad input fails before anything is
///     sent), then executes them: one write per item, owned entities being part of their owner's item.
/// </summary>
public class DynamoDatabase(
    DatabaseDependencies dependencies,
    IDynamoWritePlanner planner,
    IDynamoWriteExecutor executor) : Database(dependencies)
{
    public override int SaveChanges(IList<IUpdateEntry> entries)
        => SaveChangesAsync(entries).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(IList<IUpdateEntry> entries, CancellationToken cancellationToken = default)
    {
        // Composites first, since they change values that validation and planning then see.
        foreach (var entry in entries)
        {
            DynamoCompositeSynchronizer.Apply(entry);
            DynamoEntryValidator.Validate(entry);
        }

        var writes = DynamoAggregateCollector.Collect(entries).Select(planner.Plan).ToList();
        await executor.ExecuteAsync(writes, cancellationToken).ConfigureAwait(false);

        // Every entry was written, owned ones inside their owner's item.
        return entries.Count;
    }
}

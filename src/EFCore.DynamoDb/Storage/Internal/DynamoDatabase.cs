using EFCore.DynamoDb.Update.Internal;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     The provider's <see cref="IDatabase" />: queries compile through EF Core's pipeline; <c>SaveChanges</c>
///     recomputes composites and row versions, validates and plans every write first (so bad input fails before
///     anything is sent), then executes them — atomically unless the application opted out with
///     <see cref="AutoTransactionBehavior.Never" />. One write per item, owned entities being part of their owner's item.
/// </summary>
public class DynamoDatabase(
    DatabaseDependencies dependencies,
    ICurrentDbContext currentContext,
    IDynamoWritePlanner planner,
    IDynamoWriteExecutor executor,
    IDynamoAtomicOperations atomicOperations,
    IDynamoSaveConditions saveConditions,
    IDynamoReadEntries readEntries) : Database(dependencies)
{
    public override int SaveChanges(IList<IUpdateEntry> entries)
        => SaveChangesAsync(entries).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(IList<IUpdateEntry> entries, CancellationToken cancellationToken = default)
    {
        // Composites first, since they change values that validation and planning then see.
        foreach (var entry in entries)
        {
            DynamoCompositeSynchronizer.Apply(entry);
            DynamoRowVersions.Apply(entry);
            DynamoEntryValidator.Validate(entry);
            EnsureAtomicOperationsCanBeSent(entry);
        }

        var writes = DynamoAggregateCollector.Collect(entries).Select(planner.Plan).ToList();
        var atomic = currentContext.Context.Database.AutoTransactionBehavior != AutoTransactionBehavior.Never;
        await executor.ExecuteAsync(writes, atomic, cancellationToken).ConfigureAwait(false);

        foreach (var entry in entries)
        {
            atomicOperations.Clear(entry.ToEntityEntry().Entity);
            saveConditions.Clear(entry.ToEntityEntry().Entity);

            // An inserted item holds exactly what was written, so its values are known as if read.
            if (entry.EntityState == EntityState.Added)
            {
                readEntries.MarkRead(entry);
            }
        }

        // Every entry was written, owned ones inside their owner's item.
        return entries.Count;
    }

    // An atomic operation is sent as ADD or DELETE of its change: a later assignment of the property would be lost,
    // and DynamoDB cannot add to and delete from one set in one request.
    private void EnsureAtomicOperationsCanBeSent(IUpdateEntry entry)
    {
        var entity = entry.ToEntityEntry().Entity;
        foreach (var property in entry.EntityType.GetProperties())
        {
            if (atomicOperations.Find(entity, property) is not { } operation)
            {
                continue;
            }

            if (!property.GetValueComparer().Equals(operation.ExpectedValue, entry.GetCurrentValue(property)))
            {
                throw new InvalidOperationException(DynamoStrings.AtomicOperationThenAssigned(entry.EntityType.DisplayName(), property.Name));
            }

            if (operation.ElementsToAdd.Count > 0 && operation.ElementsToRemove.Count > 0)
            {
                throw new InvalidOperationException(DynamoStrings.SetAddAndRemove(entry.EntityType.DisplayName(), property.Name));
            }
        }
    }
}

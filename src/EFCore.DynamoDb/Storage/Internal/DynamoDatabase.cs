using EFCore.DynamoDb.Update.Internal;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     The provider's <see cref="IDatabase" />: queries compile through EF Core's pipeline; <c>SaveChanges</c>
///     recomputes composites and row versions, validates and plans every write first (so bad input fails before
///     anything is sent), then executes them — atomically unless the application opted out with
///     <see cref="AutoTransactionBehavior.Never" />. One write per item, owned entities being part of their owner's item.
///     When a save stops after some of its writes were applied (a split save, or one without a transaction), the
///     entries of those writes are accepted, so that saving again writes only what is left.
///     The save's services come from the context's scope on first use: most contexts only read, and building them
///     with the database cost every context their construction.
/// </summary>
public class DynamoDatabase(
    DatabaseDependencies dependencies,
    ICurrentDbContext currentContext,
    IDynamoReadEntries readEntries) : Database(dependencies)
{
    private IDynamoWritePlanner Planner => field ??= currentContext.Context.GetService<IDynamoWritePlanner>();

    private IDynamoWriteExecutor Executor => field ??= currentContext.Context.GetService<IDynamoWriteExecutor>();

    private IDynamoAtomicOperations AtomicOperations => field ??= currentContext.Context.GetService<IDynamoAtomicOperations>();

    private IDynamoSaveConditions SaveConditions => field ??= currentContext.Context.GetService<IDynamoSaveConditions>();

    private DynamoSaveAttempts Attempts => field ??= currentContext.Context.GetService<DynamoSaveAttempts>();

    /// <inheritdoc />
    public override int SaveChanges(IList<IUpdateEntry> entries)
        => SaveChangesAsync(entries).GetAwaiter().GetResult();

    /// <inheritdoc />
    public override async Task<int> SaveChangesAsync(IList<IUpdateEntry> entries, CancellationToken cancellationToken = default)
    {
        // Composites first, since they change values that validation and planning then see. The steps share one lookup
        // of the entry's write shape.
        var anyOwned = false;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var shape = DynamoWriteShape.Of(entry.EntityType);
            DynamoCompositeSynchronizer.Apply(entry, shape);
            DynamoRowVersions.Apply(entry, shape);
            DynamoEntryValidator.Validate(entry, shape);
            EnsureAtomicOperationsCanBeSent(entry);
            anyOwned |= shape.IsOwned;
        }

        // Most saves hold no owned entry: each entry is then an item of its own, with nothing to group.
        var aggregates = anyOwned ? DynamoAggregateCollector.Collect(entries) : null;
        var writes = new DynamoWrite[aggregates?.Length ?? entries.Count];
        for (var i = 0; i < writes.Length; i++)
        {
            writes[i] = Planner.Plan(aggregates?[i] ?? new DynamoAggregate(entries[i], DynamoWriteShape.Of(entries[i].EntityType)));
        }

        var behavior = currentContext.Context.Database.AutoTransactionBehavior;
        var written = new List<DynamoWrite>(writes.Length);
        try
        {
            await Executor.ExecuteAsync(writes, behavior, written, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // A retry of this save (the execution strategy's, or the application's after a cancellation) must send what
            // this attempt sent with the same tokens; after any other failure the next save is a new one.
            if (MayBeRetried(exception))
            {
                Attempts.KeepForRetry();
            }
            else
            {
                Attempts.Clear();
            }

            var accepted = AcceptWritten(aggregates, writes, written);
            if (accepted.Count == 0 || behavior == AutoTransactionBehavior.Never)
            {
                throw;
            }

            throw PartiallyWritten(exception, accepted, entries);
        }

        Attempts.Clear();
        readEntries.Reserve(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            Saved(entries[i]);
        }

        // Every entry was written, owned ones inside their owner's item.
        return entries.Count;
    }

    private static bool MayBeRetried(Exception exception)
        => exception is OperationCanceledException
            || DynamoExecutionStrategy.IsTransient(exception is DbUpdateException { InnerException: { } inner } ? inner : exception);

    // The entries of the writes DynamoDB applied are saved: they take EF Core's accepted state now, as after a
    // successful save, and EF Core leaves them so when it sees the failure.
    private HashSet<IUpdateEntry> AcceptWritten(DynamoAggregate[]? aggregates, DynamoWrite[] writes, List<DynamoWrite> written)
    {
        var writtenWrites = written.ToHashSet(ReferenceEqualityComparer.Instance);
        var accepted = new HashSet<IUpdateEntry>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < writes.Length; i++)
        {
            if (!writtenWrites.Contains(writes[i]))
            {
                continue;
            }

            foreach (var entry in aggregates?[i].Entries ?? [writes[i].Entry])
            {
                Saved(entry);
                ((InternalEntityEntry)entry).AcceptChanges();
                accepted.Add(entry);
            }
        }

        return accepted;
    }

    // A written entry has no pending atomic operations or save conditions left; an inserted item holds exactly what
    // was written, so its values are known as if read.
    private void Saved(IUpdateEntry entry)
    {
        var entity = ((InternalEntityEntry)entry).Entity;
        AtomicOperations.Clear(entity);
        SaveConditions.Clear(entity);
        if (entry.EntityState == EntityState.Added)
        {
            readEntries.MarkRead(entry);
        }
    }

    // A split save stopped: the exception keeps the kind and the cause of the failure (so that the execution strategy
    // retries what is transient), and tells what was written and what was not.
    private static DbUpdateException PartiallyWritten(Exception exception, HashSet<IUpdateEntry> accepted, IList<IUpdateEntry> entries)
    {
        var notWritten = entries.Where(e => !accepted.Contains(e)).ToList();
        var message = DynamoStrings.SavePartiallyWritten(
            accepted.Count,
            entries.Count,
            notWritten.Count,
            string.Join(", ", notWritten.GroupBy(e => e.EntityType.DisplayName()).Select(g => $"'{g.Key}' ({g.Count()})")),
            exception.Message);
        return exception is DbUpdateConcurrencyException concurrency
            ? new DbUpdateConcurrencyException(message, exception, concurrency.Entries.Select(e => (IUpdateEntry)e.GetInfrastructure()).ToList())
            : new DbUpdateException(message, exception, notWritten);
    }

    // An atomic operation is sent as ADD or DELETE of its change: a later assignment of the property would be lost,
    // and DynamoDB cannot add to and delete from one set in one request.
    private void EnsureAtomicOperationsCanBeSent(IUpdateEntry entry)
    {
        if (AtomicOperations.FindAll(((InternalEntityEntry)entry).Entity) is not { } operations)
        {
            return;
        }

        foreach (var (property, operation) in operations)
        {
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

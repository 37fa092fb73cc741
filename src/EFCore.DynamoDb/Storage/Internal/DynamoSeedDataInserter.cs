namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Inserts the model's <c>HasData</c> seed data into tables that were just created, through the provider's normal
///     write path (so seed items are validated and converted like any other insert).
/// </summary>
public class DynamoSeedDataInserter(
    IDesignTimeModel designTimeModel,
    IUpdateAdapterFactory updateAdapterFactory,
    IDatabase database,
    IDynamoTableNameResolver tableNames)
{
    /// <summary>
    ///     Inserts the seed data of the entity types stored in <paramref name="createdTables" />; tables that existed
    ///     before keep what they hold.
    /// </summary>
    public virtual async Task InsertAsync(IReadOnlySet<string> createdTables, CancellationToken cancellationToken)
    {
        // Seed data lives only in the design-time model; the runtime model leaves it out.
        var updateAdapter = updateAdapterFactory.CreateStandalone();
        var entries = new List<IUpdateEntry>();
        foreach (var entityType in designTimeModel.Model.GetEntityTypes().Where(e => createdTables.Contains(tableNames.Resolve(e))))
        {
            var runtimeEntityType = updateAdapter.Model.FindEntityType(entityType.Name)!;
            foreach (var seed in entityType.GetSeedData())
            {
                var entry = updateAdapter.CreateEntry(seed, runtimeEntityType);
                entry.EntityState = EntityState.Added;
                entries.Add(entry);
            }
        }

        if (entries.Count > 0)
        {
            await database.SaveChangesAsync(entries, cancellationToken).ConfigureAwait(false);
        }
    }
}

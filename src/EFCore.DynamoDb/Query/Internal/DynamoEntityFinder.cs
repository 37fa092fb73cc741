using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     EF Core's finder, which also records an entry whose values it fetched from the database (<c>Reload</c>,
///     <c>GetDatabaseValues</c>) as read: once those values are its original values, a save may be conditioned on them.
/// </summary>
public class DynamoEntityFinder<TEntity>(
    IStateManager stateManager,
    IDbSetSource setSource,
    IDbSetCache setCache,
    IEntityType entityType,
    IDynamoReadEntries readEntries) : EntityFinder<TEntity>(stateManager, setSource, setCache, entityType)
    where TEntity : class
{
    /// <inheritdoc />
    public override object[]? GetDatabaseValues(InternalEntityEntry entry)
        => MarkReadIfFound(entry, base.GetDatabaseValues(entry));

    /// <inheritdoc />
    public override async Task<object[]?> GetDatabaseValuesAsync(InternalEntityEntry entry, CancellationToken cancellationToken = default)
        => MarkReadIfFound(entry, await base.GetDatabaseValuesAsync(entry, cancellationToken).ConfigureAwait(false));

    private object[]? MarkReadIfFound(InternalEntityEntry entry, object[]? values)
    {
        if (values != null)
        {
            readEntries.MarkRead(entry);
        }

        return values;
    }
}

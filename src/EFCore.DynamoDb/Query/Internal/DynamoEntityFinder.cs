using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     EF Core's finder with a faster <c>Find</c>: a full key of the key's types is looked up among the tracked entities,
///     then read by the entity type's compiled <see cref="DynamoFindQueries{TEntity}" /> instead of a query EF builds,
///     extracts parameters from and hashes on every call. Anything else (an owned type, a key of other types, a
///     cancellation token among the key values) takes EF's path, which also reports bad key values. An entry whose
///     values the finder fetched from the database (<c>Reload</c>, <c>GetDatabaseValues</c>) is recorded as read: once
///     those values are its original values, a save may be conditioned on them.
/// </summary>
public class DynamoEntityFinder<TEntity>(
    IStateManager stateManager,
    IDbSetSource setSource,
    IDbSetCache setCache,
    IEntityType entityType,
    IDynamoReadEntries readEntries,
    IQueryContextFactory queryContextFactory,
    DynamoFindQueries<TEntity>? findQueries) : EntityFinder<TEntity>(stateManager, setSource, setCache, entityType)
    where TEntity : class
{
    private readonly IStateManager _stateManager = stateManager;
    private readonly IKey _primaryKey = entityType.FindPrimaryKey()!;

    /// <inheritdoc />
    public override TEntity? Find(object?[]? keyValues)
        => IsFullKey(keyValues)
            ? FindTracked(keyValues!) ?? findQueries!.Sync(TrackingBehavior).Execute(_stateManager.Context, queryContextFactory, keyValues!, default)
            : base.Find(keyValues);

    /// <inheritdoc />
    public override ValueTask<TEntity?> FindAsync(object?[]? keyValues, CancellationToken cancellationToken = default)
    {
        if (!IsFullKey(keyValues))
        {
            return base.FindAsync(keyValues, cancellationToken);
        }

        return FindTracked(keyValues!) is { } tracked
            ? new ValueTask<TEntity?>(tracked)
            : new ValueTask<TEntity?>(findQueries!.Async(TrackingBehavior).Execute(_stateManager.Context, queryContextFactory, keyValues!, cancellationToken));
    }

    /// <inheritdoc />
    public override object[]? GetDatabaseValues(InternalEntityEntry entry)
        => MarkReadIfFound(entry, base.GetDatabaseValues(entry));

    /// <inheritdoc />
    public override async Task<object[]?> GetDatabaseValuesAsync(InternalEntityEntry entry, CancellationToken cancellationToken = default)
        => MarkReadIfFound(entry, await base.GetDatabaseValuesAsync(entry, cancellationToken).ConfigureAwait(false));

    private QueryTrackingBehavior TrackingBehavior => _stateManager.Context.ChangeTracker.QueryTrackingBehavior;

    // One non-null value per key property, each of the property's own type.
    private bool IsFullKey(object?[]? keyValues)
    {
        var properties = _primaryKey.Properties;
        if (findQueries == null || keyValues == null || keyValues.Length != properties.Count)
        {
            return false;
        }

        for (var i = 0; i < keyValues.Length; i++)
        {
            if (keyValues[i]?.GetType() != (Nullable.GetUnderlyingType(properties[i].ClrType) ?? properties[i].ClrType))
            {
                return false;
            }
        }

        return true;
    }

    private TEntity? FindTracked(object?[] keyValues)
        => _stateManager.TryGetEntry(_primaryKey, keyValues)?.Entity as TEntity;

    private object[]? MarkReadIfFound(InternalEntityEntry entry, object[]? values)
    {
        if (values != null)
        {
            readEntries.MarkRead(entry);
        }

        return values;
    }
}

using System.Collections.Concurrent;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Creates a <see cref="DynamoEntityFinder{TEntity}" /> for each entity type, with the read entries of its context and
///     the type's <see cref="DynamoFindQueries{TEntity}" />, which live as long as this source so that each is compiled once.
/// </summary>
public class DynamoEntityFinderSource : IEntityFinderSource
{
    private static readonly MethodInfo CreateFinderMethod
        = typeof(DynamoEntityFinderSource).GetMethod(nameof(CreateFinder), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo CreateFindQueriesMethod
        = typeof(DynamoEntityFinderSource).GetMethod(nameof(CreateFindQueries), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly ConcurrentDictionary<Type, Func<IStateManager, IDbSetSource, IDbSetCache, IEntityType, object?, IEntityFinder>> _factories = new();

    // Keyed by the entity type itself, not its CLR type: contexts of different models may share this source.
    private readonly ConcurrentDictionary<IEntityType, object?> _findQueries = new();

    /// <inheritdoc />
    public virtual IEntityFinder Create(IStateManager stateManager, IDbSetSource setSource, IDbSetCache setCache, IEntityType type)
        => _factories.GetOrAdd(
                type.ClrType,
                clrType => CreateFinderMethod.MakeGenericMethod(clrType)
                    .CreateDelegate<Func<IStateManager, IDbSetSource, IDbSetCache, IEntityType, object?, IEntityFinder>>())
            (stateManager, setSource, setCache, type, _findQueries.GetOrAdd(type, FindQueries));

    // An owned type is found through its owner: EF's path.
    private static object? FindQueries(IEntityType type)
        => type.IsOwned() || type.FindPrimaryKey() == null
            ? null
            : CreateFindQueriesMethod.MakeGenericMethod(type.ClrType).Invoke(null, [type]);

    private static DynamoFindQueries<TEntity> CreateFindQueries<TEntity>(IEntityType type)
        where TEntity : class
        => new(type);

    // The state manager creates finders itself, so the scoped read entries and query context factory come from its context.
    private static DynamoEntityFinder<TEntity> CreateFinder<TEntity>(
        IStateManager stateManager,
        IDbSetSource setSource,
        IDbSetCache setCache,
        IEntityType type,
        object? findQueries)
        where TEntity : class
        => new(
            stateManager,
            setSource,
            setCache,
            type,
            stateManager.Context.GetService<IDynamoReadEntries>(),
            stateManager.Context.GetService<IQueryContextFactory>(),
            (DynamoFindQueries<TEntity>?)findQueries);
}

using System.Collections.Concurrent;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>Creates a <see cref="DynamoEntityFinder{TEntity}" /> for each entity type, with the read entries of its context.</summary>
public class DynamoEntityFinderSource : IEntityFinderSource
{
    private static readonly MethodInfo CreateFinderMethod
        = typeof(DynamoEntityFinderSource).GetMethod(nameof(CreateFinder), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly ConcurrentDictionary<Type, Func<IStateManager, IDbSetSource, IDbSetCache, IEntityType, IEntityFinder>> _factories = new();

    /// <inheritdoc />
    public virtual IEntityFinder Create(IStateManager stateManager, IDbSetSource setSource, IDbSetCache setCache, IEntityType type)
        => _factories.GetOrAdd(
                type.ClrType,
                clrType => CreateFinderMethod.MakeGenericMethod(clrType)
                    .CreateDelegate<Func<IStateManager, IDbSetSource, IDbSetCache, IEntityType, IEntityFinder>>())
            (stateManager, setSource, setCache, type);

    // The state manager creates finders itself, so the scoped read entries come from its context.
    private static DynamoEntityFinder<TEntity> CreateFinder<TEntity>(IStateManager stateManager, IDbSetSource setSource, IDbSetCache setCache, IEntityType type)
        where TEntity : class
        => new DynamoEntityFinder<TEntity>(stateManager, setSource, setCache, type, stateManager.Context.GetService<IDynamoReadEntries>());
}

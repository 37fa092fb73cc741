namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     The <c>Find</c> queries of one entity type: <c>FirstOrDefault</c> of the type whose primary key equals the key
///     values, one compiled query per tracking behavior and per sync or async use, each built on first use.
/// </summary>
/// <typeparam name="TEntity">The entity type's CLR type.</typeparam>
public sealed class DynamoFindQueries<TEntity>
    where TEntity : class
{
    private static readonly MethodInfo PropertyMethod = typeof(EF).GetMethod(nameof(EF.Property))!;

    private readonly IEntityType _entityType;
    private readonly DynamoFindQuery<TEntity?>?[] _sync = new DynamoFindQuery<TEntity?>?[TrackingBehaviors];
    private readonly DynamoFindQuery<Task<TEntity?>>?[] _async = new DynamoFindQuery<Task<TEntity?>>?[TrackingBehaviors];

    private const int TrackingBehaviors = (int)QueryTrackingBehavior.NoTrackingWithIdentityResolution + 1;

    /// <summary>Creates the (not yet compiled) queries of <paramref name="entityType" />.</summary>
    /// <param name="entityType">A root or derived entity type that is not owned.</param>
    public DynamoFindQueries(IEntityType entityType)
        => _entityType = entityType;

    /// <summary>The synchronous query under <paramref name="tracking" />.</summary>
    /// <param name="tracking">The context's query tracking behavior, which <c>Find</c> follows as EF's does.</param>
    /// <returns>The compiled query.</returns>
    public DynamoFindQuery<TEntity?> Sync(QueryTrackingBehavior tracking)
        => _sync[(int)tracking] ??= new DynamoFindQuery<TEntity?>(BuildQuery(tracking), async: false);

    /// <summary>The asynchronous query under <paramref name="tracking" />.</summary>
    /// <param name="tracking">The context's query tracking behavior, which <c>Find</c> follows as EF's does.</param>
    /// <returns>The compiled query.</returns>
    public DynamoFindQuery<Task<TEntity?>> Async(QueryTrackingBehavior tracking)
        => _async[(int)tracking] ??= new DynamoFindQuery<Task<TEntity?>>(BuildQuery(tracking), async: true);

    // (key0, key1, ...) => root.AsTracking().FirstOrDefault(e => EF.Property<K0>(e, "P0") == key0 && ...): the
    // predicate EF's finder builds, with parameters where it puts the values. The tracking behavior is explicit, so the
    // compiled query does not depend on the context that happens to compile it.
    private LambdaExpression BuildQuery(QueryTrackingBehavior tracking)
    {
        var entity = Expression.Parameter(typeof(TEntity), "e");
        var keyProperties = _entityType.FindPrimaryKey()!.Properties;
        var keys = new ParameterExpression[keyProperties.Count];
        Expression? predicate = null;
        for (var i = 0; i < keys.Length; i++)
        {
            var property = keyProperties[i];
            keys[i] = Expression.Parameter(property.ClrType, "key" + i.ToString(CultureInfo.InvariantCulture));
            var equal = Expression.Equal(
                Expression.Call(PropertyMethod.MakeGenericMethod(property.ClrType), entity, Expression.Constant(property.Name)), keys[i]);
            predicate = predicate == null ? equal : Expression.AndAlso(predicate, equal);
        }

        var root = Expression.Call(TrackingMethod(tracking), new EntityQueryRootExpression(_entityType));
        var body = Expression.Call(
            QueryableMethods.FirstOrDefaultWithPredicate.MakeGenericMethod(typeof(TEntity)),
            root,
            Expression.Quote(Expression.Lambda<Func<TEntity, bool>>(predicate!, entity)));
        return Expression.Lambda(body, keys);
    }

    private static MethodInfo TrackingMethod(QueryTrackingBehavior tracking)
        => tracking switch
        {
            QueryTrackingBehavior.TrackAll => MethodOf(q => q.AsTracking()),
            QueryTrackingBehavior.NoTracking => MethodOf(q => q.AsNoTracking()),
            _ => MethodOf(q => q.AsNoTrackingWithIdentityResolution())
        };

    private static MethodInfo MethodOf(Expression<Func<IQueryable<TEntity>, IQueryable<TEntity>>> call)
        => ((MethodCallExpression)call.Body).Method;
}

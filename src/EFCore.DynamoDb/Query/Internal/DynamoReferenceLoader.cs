namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Loads the principals of an <c>Include</c> of a reference navigation after the dependents are read: their distinct
///     foreign-key values (nulls skipped) are the principals' partition keys, read by one query on those keys, which
///     DynamoDB answers with one <c>BatchGetItem</c> per 100 keys. Tracked principals are fixed up by the change
///     tracker; without tracking the navigation (and its inverse collection) is set here.
/// </summary>
public sealed class DynamoReferenceLoader : IDynamoIncludeLoader
{
    private static readonly MethodInfo ReadPrincipalsMethod
        = typeof(DynamoReferenceLoader).GetMethod(nameof(ReadPrincipalsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo ContainsMethod
        = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2);

    private static readonly MethodInfo PropertyMethod = typeof(EF).GetMethod(nameof(EF.Property))!;

    private readonly INavigation _navigation;
    private readonly IProperty _foreignKey;
    private readonly IProperty _principalKey;
    private readonly bool _tracking;
    private readonly Func<DbContext, DynamoReferenceLoader, List<object>, bool, CancellationToken, Task<List<object>>> _readPrincipals;

    private DynamoReferenceLoader(INavigation navigation, IProperty foreignKey, IProperty principalKey, bool tracking)
    {
        _navigation = navigation;
        _foreignKey = foreignKey;
        _principalKey = principalKey;
        _tracking = tracking;
        _readPrincipals = ReadPrincipalsMethod
            .MakeGenericMethod(navigation.TargetEntityType.ClrType, principalKey.ClrType)
            .CreateDelegate<Func<DbContext, DynamoReferenceLoader, List<object>, bool, CancellationToken, Task<List<object>>>>();
    }

    /// <summary>
    ///     Why the principals of <paramref name="navigation" /> cannot be read by the key their foreign key holds, or
    ///     <see langword="null" /> when they can: the principal's table must be keyed by a partition key alone (or with a constant sort key),
    ///     referenced by a foreign-key property of the dependent's class.
    /// </summary>
    public static string? FindRefusal(INavigation navigation)
    {
        var principalType = navigation.TargetEntityType;
        var foreignKey = navigation.ForeignKey;
        var display = DynamoNavigationRefusals.DisplayName(navigation);
        var foreignKeyNames = string.Join(", ", foreignKey.Properties.Select(p => $"'{p.Name}'"));
        var partitionKey = principalType.GetPartitionKeyProperty();
        var sortKey = principalType.GetSortKeyProperty();
        var index = foreignKey.PrincipalKey.Properties.ToList().IndexOf(partitionKey);
        if (index < 0)
        {
            return DynamoStrings.IncludePrincipalKeyNotInForeignKey(display, principalType.DisplayName(), foreignKeyNames, "partition key", partitionKey.Name);
        }

        // A constant sort key is known without the foreign key: the principals are read by their partition keys alone.
        if (sortKey != null && principalType.GetConstantSortKeyValue() == null)
        {
            return foreignKey.PrincipalKey.Properties.Contains(sortKey)
                ? DynamoStrings.IncludePrincipalSortKeyNotSupported(display, principalType.DisplayName(), sortKey.Name)
                : DynamoStrings.IncludePrincipalKeyNotInForeignKey(display, principalType.DisplayName(), foreignKeyNames, "sort key", sortKey.Name);
        }

        return foreignKey.Properties[index].IsShadowProperty()
            ? DynamoStrings.IncludeShadowForeignKeyNotSupported(display, foreignKey.Properties[index].Name)
            : null;
    }

    /// <summary>The loader of <paramref name="navigation" />, which <see cref="FindRefusal" /> accepts.</summary>
    public static DynamoReferenceLoader Create(INavigation navigation, bool tracking)
    {
        var partitionKey = navigation.TargetEntityType.GetPartitionKeyProperty();
        var foreignKey = navigation.ForeignKey.Properties[navigation.ForeignKey.PrincipalKey.Properties.ToList().IndexOf(partitionKey)];
        return new DynamoReferenceLoader(navigation, foreignKey, partitionKey, tracking);
    }

    /// <inheritdoc />
    public async Task LoadAsync(DynamoQueryContext queryContext, IReadOnlyList<object> dependents, bool async, CancellationToken cancellationToken)
    {
        var getForeignKey = _foreignKey.GetGetter();
        var keys = dependents.Select(getForeignKey.GetClrValue).OfType<object>().Distinct().ToList();
        if (keys.Count == 0)
        {
            return;
        }

        var principals = await _readPrincipals(queryContext.Context, this, keys, async, cancellationToken).ConfigureAwait(false);
        if (!_tracking)
        {
            LinkUntracked(dependents, principals);
        }
    }

    // The change tracker links what it tracks; untracked entities are linked here, both ways.
    private void LinkUntracked(IReadOnlyList<object> dependents, List<object> principals)
    {
        var getPrincipalKey = _principalKey.GetGetter();
        var principalsByKey = principals.ToDictionary(p => getPrincipalKey.GetClrValue(p)!);
        var getForeignKey = _foreignKey.GetGetter();
        var inverse = _navigation.Inverse;
        foreach (var dependent in dependents)
        {
            if (getForeignKey.GetClrValue(dependent) is { } key && principalsByKey.TryGetValue(key, out var principal))
            {
                DynamoNavigationLinks.SetReference(_navigation, dependent, principal);
                inverse?.GetCollectionAccessor()?.Add(principal, dependent, forMaterialization: true);
            }
        }
    }

    // keys.Contains(EF.Property<TKey>(p, "PartitionKey")), the keys captured so that they are a query parameter.
    private static async Task<List<object>> ReadPrincipalsAsync<TPrincipal, TKey>(
        DbContext context,
        DynamoReferenceLoader loader,
        List<object> keys,
        bool async,
        CancellationToken cancellationToken)
        where TPrincipal : class
    {
        var principalType = loader._navigation.TargetEntityType;
        IQueryable<TPrincipal> principals = principalType.HasSharedClrType ? context.Set<TPrincipal>(principalType.Name) : context.Set<TPrincipal>();
        if (!loader._tracking)
        {
            principals = principals.AsNoTracking();
        }

        var captured = new CapturedKeys<TKey>(keys.Cast<TKey>().ToList());
        var principal = Expression.Parameter(typeof(TPrincipal), "p");
        var predicate = Expression.Lambda<Func<TPrincipal, bool>>(
            Expression.Call(
                ContainsMethod.MakeGenericMethod(typeof(TKey)),
                Expression.Property(Expression.Constant(captured), nameof(CapturedKeys<TKey>.Keys)),
                Expression.Call(PropertyMethod.MakeGenericMethod(typeof(TKey)), principal, Expression.Constant(loader._principalKey.Name))),
            principal);
        var query = principals.Where(predicate);
        return async
            ? [.. await query.ToListAsync(cancellationToken).ConfigureAwait(false)]
            : [.. query.AsEnumerable()];
    }

    private sealed class CapturedKeys<TKey>(List<TKey> keys)
    {
        public List<TKey> Keys { get; } = keys;
    }
}

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Loads the principals of an <c>Include</c> of a reference navigation after the dependents are read: their distinct
///     foreign-key values (nulls skipped) are set as the keys parameter of the principals' query, compiled once with the
///     dependents' query (whose parameters, tracking, query filters and read consistency it shares), which the planner
///     answers with one <c>BatchGetItem</c> per 100 keys. It runs in the dependents' query context, so that under
///     identity resolution a principal read again is the instance already returned. Tracked principals are fixed up by the
///     change tracker; without tracking the navigation (and its inverse collection) is set here.
/// </summary>
public sealed class DynamoReferenceLoader : IDynamoIncludeLoader
{
    private readonly DynamoReferenceInclude _include;
    private readonly Func<QueryContext, object> _readPrincipals;
    private readonly bool _tracking;
    private readonly IProperty _foreignKey;
    private readonly IProperty _principalKey;

    /// <param name="include">The include, whose principals' query <paramref name="readPrincipals" /> runs.</param>
    /// <param name="readPrincipals">The compiled principals' query: the enumerable of the principals with the keys set.</param>
    /// <param name="tracking">Whether the query tracks what it reads.</param>
    public DynamoReferenceLoader(DynamoReferenceInclude include, Func<QueryContext, object> readPrincipals, bool tracking)
    {
        _include = include;
        _readPrincipals = readPrincipals;
        _tracking = tracking;
        var foreignKey = include.Navigation.ForeignKey;
        _principalKey = include.Navigation.TargetEntityType.GetPartitionKeyProperty();
        _foreignKey = foreignKey.Properties[foreignKey.PrincipalKey.Properties.ToList().IndexOf(_principalKey)];
    }

    // Keys compare as EF Core compares them: a byte[] by its bytes, not by reference.
    private IEqualityComparer<object> KeyComparer => _principalKey.GetKeyValueComparer();

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

    /// <inheritdoc />
    public async Task LoadAsync(DynamoQueryContext queryContext, IReadOnlyList<object> entities, bool async, CancellationToken cancellationToken)
    {
        var getForeignKey = _foreignKey.GetGetter();
        var keys = entities.Select(getForeignKey.GetClrValue).OfType<object>().Distinct(KeyComparer).ToList();
        if (keys.Count == 0)
        {
            return;
        }

        var keysValue = Array.CreateInstance(_principalKey.ClrType, keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            keysValue.SetValue(keys[i], i);
        }

        queryContext.Parameters[_include.KeysParameter.Name] = keysValue;
        var principals = await DynamoCollectionLoader.ReadAsync(_readPrincipals(queryContext), async, cancellationToken).ConfigureAwait(false);
        if (!_tracking)
        {
            LinkUntracked(entities, principals);
        }
    }

    // The change tracker links what it tracks; untracked entities are linked here, both ways.
    private void LinkUntracked(IReadOnlyList<object> dependents, List<object> principals)
    {
        var getPrincipalKey = _principalKey.GetGetter();
        var principalsByKey = principals.ToDictionary(p => getPrincipalKey.GetClrValue(p)!, KeyComparer);
        var getForeignKey = _foreignKey.GetGetter();
        var navigation = _include.Navigation;
        foreach (var dependent in dependents)
        {
            if (getForeignKey.GetClrValue(dependent) is { } key && principalsByKey.TryGetValue(key, out var principal))
            {
                DynamoNavigationLinks.SetReference(navigation, dependent, principal);
                navigation.Inverse?.GetCollectionAccessor()?.Add(principal, dependent, forMaterialization: true);
            }
        }
    }
}

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Links a principal to the dependents an <c>Include</c> of its collection read: tracked entities are linked by the
///     change tracker, and the navigation is marked loaded; untracked ones (<c>AsNoTracking</c>) are linked here, both
///     ways, and the collection is set even when no dependent was read.
/// </summary>
public sealed class DynamoCollectionLinker(DynamoCollectionInclude include, bool tracking)
{
    /// <summary>Links <paramref name="principal" /> and its <paramref name="dependents" />.</summary>
    public void Link(QueryContext queryContext, object principal, IReadOnlyList<object> dependents)
    {
        var navigation = include.Navigation;
        if (tracking)
        {
            if (include.SetLoaded)
            {
                queryContext.SetNavigationIsLoaded(principal, navigation);
            }

            return;
        }

        var collection = navigation.GetCollectionAccessor()!;
        collection.GetOrCreate(principal, forMaterialization: true);
        foreach (var dependent in dependents)
        {
            collection.Add(principal, dependent, forMaterialization: true);
            if (navigation.Inverse is { } inverse)
            {
                DynamoNavigationLinks.SetReference(inverse, dependent, principal);
            }
        }
    }
}

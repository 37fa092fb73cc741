namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Sets navigations on entities the change tracker does not track (<c>AsNoTracking</c>), which an <c>Include</c>
///     links itself; tracked entities are linked by the change tracker.
/// </summary>
public static class DynamoNavigationLinks
{
    /// <summary>Sets the reference navigation <paramref name="navigation" /> of <paramref name="entity" /> to <paramref name="target" />.</summary>
    public static void SetReference(INavigation navigation, object entity, object target)
    {
        if (navigation.PropertyInfo is { CanWrite: true } property)
        {
            property.SetValue(entity, target);
        }
        else
        {
            navigation.FieldInfo!.SetValue(entity, target);
        }
    }
}

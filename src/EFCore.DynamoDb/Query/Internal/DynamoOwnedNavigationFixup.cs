using System.Collections;
using Microsoft.EntityFrameworkCore.Metadata.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Connects materialized owned entities to their owner in a no-tracking query. A query that tracks (or resolves
///     identities) needs nothing: the state manager fixes up the navigations as each owned entity starts being tracked.
/// </summary>
public static class DynamoOwnedNavigationFixup
{
    /// <summary><see cref="Reference" />, for the shaper to call.</summary>
    public static readonly MethodInfo ReferenceMethod = typeof(DynamoOwnedNavigationFixup).GetMethod(nameof(Reference))!;

    /// <summary><see cref="Collection" />, for the shaper to call.</summary>
    public static readonly MethodInfo CollectionMethod = typeof(DynamoOwnedNavigationFixup).GetMethod(nameof(Collection))!;

    /// <summary>Sets the owned reference (and its inverse); returns the owner.</summary>
    public static object? Reference(object? owner, object? owned, INavigation navigation)
    {
        if (owned != null && Declares(navigation, owner))
        {
            Set(navigation, owner!, owned);
            SetInverse(navigation, owned, owner!);
        }

        return owner;
    }

    /// <summary>Adds the owned elements (and sets their inverse); returns the owner.</summary>
    public static object? Collection(object? owner, IEnumerable? elements, INavigation navigation)
    {
        if (elements != null && Declares(navigation, owner))
        {
            var accessor = navigation.GetCollectionAccessor()!;
            foreach (var element in elements)
            {
                accessor.Add(owner!, element, forMaterialization: true);
                SetInverse(navigation, element, owner!);
            }
        }

        return owner;
    }

    private static void SetInverse(INavigation navigation, object owned, object owner)
    {
        if (navigation.Inverse is { } inverse)
        {
            Set(inverse, owned, owner);
        }
    }

    private static void Set(INavigation navigation, object instance, object value)
        => ((IRuntimePropertyBase)navigation).GetSetter().SetClrValueUsingContainingEntity(instance, value);

    // In a hierarchy, an owner of another type has no such navigation.
    private static bool Declares(INavigation navigation, object? owner)
        => owner != null && navigation.DeclaringEntityType.ClrType.IsInstanceOfType(owner);
}

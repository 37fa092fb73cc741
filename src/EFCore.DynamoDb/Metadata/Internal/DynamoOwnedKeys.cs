namespace EFCore.DynamoDb.Metadata.Internal;

/// <summary>
///     The key properties of an owned entity type that are not stored in its map, because the map's place in the item
///     already says them: the copy of the owner's key (the ownership's foreign key) and, in an owned collection, the
///     ordinal key, which is the element's position in the list.
/// </summary>
public static class DynamoOwnedKeys
{
    /// <summary>Whether the property is stored in the map of its (owned) entity type, or in the item of its (root) type.</summary>
    public static bool IsStored(IReadOnlyProperty property)
        => FindOwnerKeyProperty(property) == null && !IsOrdinalKey(property);

    /// <summary>The owner's property that an ownership foreign key property copies, or <see langword="null" />.</summary>
    public static TProperty? FindOwnerKeyProperty<TProperty>(TProperty property)
        where TProperty : class, IReadOnlyProperty
    {
        if (property.DeclaringType is IReadOnlyEntityType entityType && entityType.FindOwnership() is { } ownership)
        {
            for (var i = 0; i < ownership.Properties.Count; i++)
            {
                if (ownership.Properties[i] == property)
                {
                    return (TProperty)ownership.PrincipalKey.Properties[i];
                }
            }
        }

        return null;
    }

    /// <summary>
    ///     Whether the property is the ordinal key of an owned collection's element: the shadow <see langword="int" /> key
    ///     property EF Core adds next to the owner's key.
    /// </summary>
    public static bool IsOrdinalKey(IReadOnlyProperty property)
        => property.DeclaringType is IReadOnlyEntityType entityType
            && entityType.FindOwnership() is { IsUnique: false }
            && property.ClrType == typeof(int)
            && property.IsShadowProperty()
            && property.IsPrimaryKey()
            && !property.IsForeignKey();
}

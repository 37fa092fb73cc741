using EFCore.DynamoDb.Storage.Internal;
namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
///     Recomputes the composites of every added or modified entry before it is saved, so a change to a component
///     updates the composite in the same write. A composite set directly, or a key composite whose components
///     changed, is refused: it is never silently overwritten.
/// </summary>
public static class DynamoCompositeSynchronizer
{
    /// <summary>
    ///     Recomputes the composites of an added or modified entry from its current component values; other entries are
    ///     left alone.
    /// </summary>
    /// <param name="entry">The entry saved.</param>
    /// <param name="shape">The write shape of its entity type.</param>
    public static void Apply(IUpdateEntry entry, DynamoWriteShape shape)
    {
        if (entry.EntityState is not (EntityState.Added or EntityState.Modified))
        {
            return;
        }

        // An indexed loop: a foreach over the list's interface would allocate an enumerator per saved entity.
        var composites = shape.Composites;
        for (var i = 0; i < composites.Count; i++)
        {
            Synchronize(entry, composites[i]);
        }
    }

    private static void Synchronize(IUpdateEntry entry, IProperty composite)
    {
        var entityEntry = entry.ToEntityEntry();
        var expected = DynamoCompositeValue.Compute(composite, entityEntry.Entity, component => entry.GetCurrentValue((IProperty)component));
        var current = entry.GetCurrentValue(composite);
        var comparer = composite.GetValueComparer();
        if (comparer.Equals(expected, current))
        {
            return;
        }

        var entityTypeName = entry.EntityType.DisplayName();
        var components = string.Join(", ", composite.GetCompositeComponentNames());

        // An added composite still holding what the value generator filled in only saw its components change (by an
        // increment, say); otherwise it was set directly. A modified one was set directly when it no longer holds the
        // value that was read.
        var setDirectly = entry.EntityState == EntityState.Added
            ? !DynamoCompositeValueGenerator.IsGenerated(entityEntry.Entity, composite, current)
            : !comparer.Equals(current, entry.GetOriginalValue(composite));
        if (setDirectly)
        {
            throw new InvalidOperationException(DynamoStrings.CompositeSetDirectly(entityTypeName, composite.Name, components));
        }

        if (composite.IsPrimaryKey() || (entry.EntityState == EntityState.Added && composite.IsKey()))
        {
            throw new InvalidOperationException(DynamoStrings.CompositeKeyChanged(entityTypeName, composite.Name, components));
        }

        entityEntry.Property(composite.Name).CurrentValue = expected;
    }
}

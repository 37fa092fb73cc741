using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
///     The conditions a write carries so that it never silently overwrites a concurrent change: per the
///     <see cref="ConflictMode" />, the values this context read of what it changes (or, for a delete in
///     <see cref="ConflictMode.Raise" />, of everything), plus the original values of concurrency tokens. An entity
///     the context never read (attached as a stub, or with <c>Update()</c>) has no read values: only its tokens are checked.
/// </summary>
public static class DynamoConflictConditions
{
    /// <param name="entry">The entry written.</param>
    /// <param name="shape">The write shape of its entity type.</param>
    /// <param name="mode">The conflict mode.</param>
    /// <param name="originalValuesRead">Whether the entry's original values are what the database held (see <see cref="IDynamoReadEntries" />).</param>
    /// <param name="increments">Properties incremented atomically: concurrent increments must both succeed, so they are not checked.</param>
    /// <returns>The conditions, all of which must hold, in the order of the properties.</returns>
    public static IReadOnlyList<DynamoExpression> Build(
        IUpdateEntry entry,
        DynamoWriteShape shape,
        ConflictMode mode,
        bool originalValuesRead,
        IReadOnlyCollection<IProperty> increments)
    {
        // Values are checked only for an entity read, outside Overwrite mode (for a delete, only in Raise mode); otherwise
        // only concurrency tokens are, and most entity types have none.
        var checksValues = originalValuesRead && mode != ConflictMode.Overwrite && (mode == ConflictMode.Raise || entry.EntityState != EntityState.Deleted);
        if (!checksValues && !shape.HasConcurrencyTokens)
        {
            return [];
        }

        var conditions = new List<DynamoExpression>();
        // An indexed loop: a foreach over the list's interface would allocate an enumerator per saved entity.
        var attributes = shape.UpdatableAttributes;
        for (var i = 0; i < attributes.Count; i++)
        {
            var attribute = attributes[i];
            var property = attribute.Property;
            if (increments.Contains(property) || !IsChecked(entry, property, mode, originalValuesRead))
            {
                continue;
            }

            var original = DynamoPropertyValueConverter.ToAttributeValue(property, attribute.Mapping, entry.GetOriginalValue(property));
            conditions.Add(
                original == null
                    ? new DynamoAttributeExistsExpression(attribute, exists: false)
                    : new DynamoComparisonExpression(attribute, DynamoComparisonOperator.Equal, DynamoValueExpression.Stored(original)));
        }

        return conditions;
    }

    private static bool IsChecked(IUpdateEntry entry, IProperty property, ConflictMode mode, bool originalValuesRead)
    {
        if (property.IsConcurrencyToken)
        {
            return true;
        }

        // A composite is derived: the conditions on its components guard it (and an incremented component changes it).
        // The original values of an entity never read are whatever it was attached with, not what the item holds.
        if (property.IsDynamoComposite() || !originalValuesRead)
        {
            return false;
        }

        return (mode, entry.EntityState) switch
        {
            (ConflictMode.Overwrite, _) => false,
            (ConflictMode.Raise, EntityState.Deleted) => true,
            (_, EntityState.Deleted) => false,

            // Only a real change is checked: a property marked modified with its original value is not a change.
            _ => entry.IsModified(property)
                && !property.GetValueComparer().Equals(entry.GetOriginalValue(property), entry.GetCurrentValue(property))
        };
    }
}

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
///     The atomic increments recorded on the entities of one context (<c>Property(x => x.Wins).Increment(1)</c>),
///     waiting for the next <c>SaveChanges</c> to send them as <c>ADD</c>.
/// </summary>
public interface IDynamoAtomicOperations
{
    /// <summary>Records an increment; the property's current value has already changed by <paramref name="delta" />.</summary>
    void RecordIncrement(object entity, IProperty incremented, object delta, object? expectedValue);

    /// <summary>The pending increment of a property, if any, and the value the property must still hold.</summary>
    bool TryGetIncrement(object entity, IProperty incremented, out object delta, out object? expectedValue);

    /// <summary>Forgets the operations of an entity once saved.</summary>
    void Clear(object entity);
}

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
///     The atomic operations recorded on the entities of one context (<c>Increment</c>, <c>AddToSet</c>,
///     <c>RemoveFromSet</c>), waiting for the next <c>SaveChanges</c> to send them as <c>ADD</c> and <c>DELETE</c>.
/// </summary>
public interface IDynamoAtomicOperations : IResettableService
{
    /// <summary>The pending operation of a property, created when there is none.</summary>
    DynamoPendingOperation GetOrAdd(object entity, IProperty target);

    /// <summary>The pending operation of a property, if any.</summary>
    DynamoPendingOperation? Find(object entity, IProperty target);

    /// <summary>The pending operations of an entity by property; <see langword="null" /> when there are none.</summary>
    IReadOnlyDictionary<IProperty, DynamoPendingOperation>? FindAll(object entity);

    /// <summary>Forgets the operations of an entity once saved.</summary>
    void Clear(object entity);
}

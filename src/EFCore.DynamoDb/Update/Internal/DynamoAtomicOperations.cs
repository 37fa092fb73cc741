using System.Runtime.CompilerServices;

namespace EFCore.DynamoDb.Update.Internal;

/// <inheritdoc />
public class DynamoAtomicOperations : IDynamoAtomicOperations
{
    // Keyed by entity instance: operations belong to the tracked object, whatever its key.
    private readonly ConditionalWeakTable<object, Dictionary<IProperty, (object Delta, object? Expected)>> _increments = [];

    public virtual void RecordIncrement(object entity, IProperty incremented, object delta, object? expectedValue)
    {
        var increments = _increments.GetOrCreateValue(entity);
        var total = increments.TryGetValue(incremented, out var pending) ? DynamoNumbers.Add(pending.Delta, delta) : delta;
        increments[incremented] = (total, expectedValue);
    }

    public virtual bool TryGetIncrement(object entity, IProperty incremented, out object delta, out object? expectedValue)
    {
        if (_increments.TryGetValue(entity, out var increments) && increments.TryGetValue(incremented, out var pending))
        {
            (delta, expectedValue) = pending;
            return true;
        }

        (delta, expectedValue) = (null!, null);
        return false;
    }

    public virtual void Clear(object entity) => _increments.Remove(entity);
}

using System.Runtime.CompilerServices;

namespace EFCore.DynamoDb.Update.Internal;

/// <inheritdoc />
public class DynamoAtomicOperations : IDynamoAtomicOperations
{
    // Keyed by entity instance: operations belong to the tracked object, whatever its key. Created with the first
    // operation: most contexts record none, and then look nothing up, create no weak table (a finalizable object) and,
    // pooled, clear nothing between leases.
    private ConditionalWeakTable<object, Dictionary<IProperty, DynamoPendingOperation>>? _operations;

    /// <inheritdoc />
    public virtual DynamoPendingOperation GetOrAdd(object entity, IProperty target)
    {
        var operations = (_operations ??= []).GetOrCreateValue(entity);
        if (!operations.TryGetValue(target, out var operation))
        {
            operation = new DynamoPendingOperation();
            operations.Add(target, operation);
        }

        return operation;
    }

    /// <inheritdoc />
    public virtual DynamoPendingOperation? Find(object entity, IProperty target)
        => _operations != null && _operations.TryGetValue(entity, out var operations) && operations.TryGetValue(target, out var operation)
            ? operation
            : null;

    /// <inheritdoc />
    public virtual IReadOnlyDictionary<IProperty, DynamoPendingOperation>? FindAll(object entity)
        => _operations != null && _operations.TryGetValue(entity, out var operations) && operations.Count > 0 ? operations : null;

    // Looked up first: most saved entities have none, and a lookup does not lock the table as a removal does.
    /// <inheritdoc />
    public virtual void Clear(object entity)
    {
        if (_operations != null && _operations.TryGetValue(entity, out _))
        {
            _operations.Remove(entity);
        }
    }

    // A pooled context forgets what its previous lease recorded.
    /// <inheritdoc />
    public virtual void ResetState() => _operations = null;

    /// <inheritdoc />
    public virtual Task ResetStateAsync(CancellationToken cancellationToken = default)
    {
        ResetState();
        return Task.CompletedTask;
    }
}

using System.Runtime.CompilerServices;

namespace EFCore.DynamoDb.Update.Internal;

/// <inheritdoc />
public class DynamoAtomicOperations : IDynamoAtomicOperations
{
    // Keyed by entity instance: operations belong to the tracked object, whatever its key.
    private readonly ConditionalWeakTable<object, Dictionary<IProperty, DynamoPendingOperation>> _operations = [];

    // Most contexts never record an operation: they then look nothing up, and a pooled one clears nothing between leases.
    private bool _any;

    /// <inheritdoc />
    public virtual DynamoPendingOperation GetOrAdd(object entity, IProperty target)
    {
        _any = true;
        var operations = _operations.GetOrCreateValue(entity);
        if (!operations.TryGetValue(target, out var operation))
        {
            operation = new DynamoPendingOperation();
            operations.Add(target, operation);
        }

        return operation;
    }

    /// <inheritdoc />
    public virtual DynamoPendingOperation? Find(object entity, IProperty target)
        => _any && _operations.TryGetValue(entity, out var operations) && operations.TryGetValue(target, out var operation) ? operation : null;

    /// <inheritdoc />
    public virtual IReadOnlyDictionary<IProperty, DynamoPendingOperation>? FindAll(object entity)
        => _any && _operations.TryGetValue(entity, out var operations) && operations.Count > 0 ? operations : null;

    // Looked up first: most saved entities have none, and a lookup does not lock the table as a removal does.
    /// <inheritdoc />
    public virtual void Clear(object entity)
    {
        if (_any && _operations.TryGetValue(entity, out _))
        {
            _operations.Remove(entity);
        }
    }

    // A pooled context forgets what its previous lease recorded.
    /// <inheritdoc />
    public virtual void ResetState()
    {
        if (_any)
        {
            _operations.Clear();
            _any = false;
        }
    }

    /// <inheritdoc />
    public virtual Task ResetStateAsync(CancellationToken cancellationToken = default)
    {
        ResetState();
        return Task.CompletedTask;
    }
}

using System.Runtime.CompilerServices;
using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Update.Internal;

/// <inheritdoc />
public class DynamoSaveConditions : IDynamoSaveConditions
{
    private readonly ConditionalWeakTable<object, List<DynamoExpression>> _conditions = [];

    // Most contexts never record a condition: they then look nothing up, and a pooled one clears nothing between leases.
    private bool _any;

    /// <inheritdoc />
    public virtual void Add(object entity, DynamoExpression condition)
    {
        _any = true;
        _conditions.GetOrCreateValue(entity).Add(condition);
    }

    /// <inheritdoc />
    public virtual IReadOnlyList<DynamoExpression> Find(object entity)
        => _any && _conditions.TryGetValue(entity, out var conditions) ? conditions : Array.Empty<DynamoExpression>();

    // Looked up first: most saved entities have none, and a lookup does not lock the table as a removal does.
    /// <inheritdoc />
    public virtual void Clear(object entity)
    {
        if (_any && _conditions.TryGetValue(entity, out _))
        {
            _conditions.Remove(entity);
        }
    }

    // A pooled context forgets what its previous lease recorded.
    /// <inheritdoc />
    public virtual void ResetState()
    {
        if (_any)
        {
            _conditions.Clear();
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

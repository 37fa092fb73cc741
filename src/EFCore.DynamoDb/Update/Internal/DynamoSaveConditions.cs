using System.Runtime.CompilerServices;
using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Update.Internal;

/// <inheritdoc />
public class DynamoSaveConditions : IDynamoSaveConditions
{
    // Created with the first condition: most contexts record none, and then look nothing up, create no weak table (a
    // finalizable object) and, pooled, clear nothing between leases.
    private ConditionalWeakTable<object, List<DynamoExpression>>? _conditions;

    /// <inheritdoc />
    public virtual void Add(object entity, DynamoExpression condition) => (_conditions ??= []).GetOrCreateValue(entity).Add(condition);

    /// <inheritdoc />
    public virtual IReadOnlyList<DynamoExpression> Find(object entity)
        => _conditions != null && _conditions.TryGetValue(entity, out var conditions) ? conditions : Array.Empty<DynamoExpression>();

    // Looked up first: most saved entities have none, and a lookup does not lock the table as a removal does.
    /// <inheritdoc />
    public virtual void Clear(object entity)
    {
        if (_conditions != null && _conditions.TryGetValue(entity, out _))
        {
            _conditions.Remove(entity);
        }
    }

    // A pooled context forgets what its previous lease recorded.
    /// <inheritdoc />
    public virtual void ResetState() => _conditions = null;

    /// <inheritdoc />
    public virtual Task ResetStateAsync(CancellationToken cancellationToken = default)
    {
        ResetState();
        return Task.CompletedTask;
    }
}

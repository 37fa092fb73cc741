using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>The extra conditions recorded with <c>SaveOnlyIf</c> on the entities of one context, for their next write.</summary>
public interface IDynamoSaveConditions : IResettableService
{
    /// <summary>Records a condition the entity's next write must also meet.</summary>
    void Add(object entity, DynamoExpression condition);

    /// <summary>The conditions recorded on the entity, in the order recorded; none when there are none.</summary>
    IReadOnlyList<DynamoExpression> Find(object entity);

    /// <summary>Forgets the conditions of an entity once saved.</summary>
    void Clear(object entity);
}

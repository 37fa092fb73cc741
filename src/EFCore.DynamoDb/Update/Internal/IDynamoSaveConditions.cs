using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>The extra conditions recorded with <c>SaveOnlyIf</c> on the entities of one context, for their next write.</summary>
public interface IDynamoSaveConditions : IResettableService
{
    void Add(object entity, DynamoExpression condition);

    IReadOnlyList<DynamoExpression> Find(object entity);

    void Clear(object entity);
}

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>Turns a model table name into the physical one, applying the context's <c>TableNamePrefix</c>.</summary>
public interface IDynamoTableNameResolver
{
    string Resolve(IReadOnlyEntityType entityType);
}

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>Turns a model table name into the physical one, applying the context's <c>TableNamePrefix</c>.</summary>
public interface IDynamoTableNameResolver
{
    /// <summary>
    ///     The physical name of the table <paramref name="entityType" /> is stored in: its model table name with the
    ///     context's prefix.
    /// </summary>
    string Resolve(IReadOnlyEntityType entityType);
}

using EFCore.DynamoDb.Infrastructure.Internal;

namespace EFCore.DynamoDb.Storage.Internal;

/// <inheritdoc />
public class DynamoTableNameResolver(IDbContextOptions options) : IDynamoTableNameResolver
{
    private readonly string _prefix = options.FindExtension<DynamoDbOptionsExtension>()?.TableNamePrefix ?? "";

    /// <inheritdoc />
    public virtual string Resolve(IReadOnlyEntityType entityType) => _prefix + entityType.GetDynamoTableName();
}

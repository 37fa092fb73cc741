using EFCore.DynamoDb.Infrastructure.Internal;

namespace EFCore.DynamoDb.Storage.Internal;

/// <inheritdoc />
public class DynamoTableNameResolver(IDbContextOptions options) : IDynamoTableNameResolver
{
    private readonly DynamoDbOptionsExtension? _extension = options.FindExtension<DynamoDbOptionsExtension>();

    /// <inheritdoc />
    public virtual string Resolve(IReadOnlyEntityType entityType)
        => _extension?.PrefixedTableName(entityType) ?? entityType.GetDynamoTableName();
}

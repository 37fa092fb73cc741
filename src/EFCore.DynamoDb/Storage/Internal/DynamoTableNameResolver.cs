using EFCore.DynamoDb.Infrastructure.Internal;

namespace EFCore.DynamoDb.Storage.Internal;

public class DynamoTableNameResolver(IDbContextOptions options) : IDynamoTableNameResolver
{
    private readonly string _prefix = options.FindExtension<DynamoDbOptionsExtension>()?.TableNamePrefix ?? "";

    public virtual string Resolve(IReadOnlyEntityType entityType) => _prefix + entityType.GetDynamoTableName();
}

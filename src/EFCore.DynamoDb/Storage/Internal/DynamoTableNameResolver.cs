using EFCore.DynamoDb.Infrastructure.Internal;

namespace EFCore.DynamoDb.Storage.Internal;

/// <inheritdoc />
public class DynamoTableNameResolver(IDbContextOptions options) : IDynamoTableNameResolver
{
    private readonly string _prefix = options.FindExtension<DynamoDbOptionsExtension>()?.TableNamePrefix ?? "";

    // The last name resolved: a save or a query names one entity type many times, and the prefixed name would be a new
    // string each time. One object, replaced whole, so that concurrent reads never see a type with another's name.
    private Resolved? _last;

    /// <inheritdoc />
    public virtual string Resolve(IReadOnlyEntityType entityType)
    {
        if (_last is { } last && last.EntityType == entityType)
        {
            return last.TableName;
        }

        var tableName = _prefix + entityType.GetDynamoTableName();
        _last = new Resolved(entityType, tableName);
        return tableName;
    }

    private sealed record Resolved(IReadOnlyEntityType EntityType, string TableName);
}

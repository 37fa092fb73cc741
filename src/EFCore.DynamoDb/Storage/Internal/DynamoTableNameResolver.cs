using System.Collections.Concurrent;
using EFCore.DynamoDb.Infrastructure.Internal;

namespace EFCore.DynamoDb.Storage.Internal;

/// <inheritdoc />
public class DynamoTableNameResolver(IDbContextOptions options) : IDynamoTableNameResolver
{
    private readonly string _prefix = options.FindExtension<DynamoDbOptionsExtension>()?.TableNamePrefix ?? "";

    // A save or a query names the same few entity types many times; the prefixed name would be a new string each time.
    // One entry per entity type of the model, safe for the concurrent reads of an Include; made on first use, so that a
    // context without a prefix, or that never names a table, pays nothing.
    private ConcurrentDictionary<IReadOnlyEntityType, string>? _names;

    /// <inheritdoc />
    public virtual string Resolve(IReadOnlyEntityType entityType)
        => _prefix.Length == 0
            ? entityType.GetDynamoTableName()
            : LazyInitializer.EnsureInitialized(ref _names).GetOrAdd(entityType, static (type, prefix) => prefix + type.GetDynamoTableName(), _prefix);
}

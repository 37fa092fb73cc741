using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Creates the <see cref="DynamoQueryContext" /> of each query execution, with the context's client, table names
///     and scan behavior.
/// </summary>
public class DynamoQueryContextFactory(
    QueryContextDependencies dependencies,
    IDynamoClientWrapper client,
    IDynamoTableNameResolver tableNames,
    IDynamoReadEntries readEntries,
    IDbContextOptions options) : IQueryContextFactory
{
    private readonly ScanBehavior _scanBehavior = options.FindExtension<DynamoDbOptionsExtension>()?.ScanBehavior ?? ScanBehavior.Warn;

    /// <inheritdoc />
    public virtual QueryContext Create() => new DynamoQueryContext(dependencies, client, tableNames, readEntries, _scanBehavior);
}

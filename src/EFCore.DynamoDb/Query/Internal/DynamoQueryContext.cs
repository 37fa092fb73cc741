using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>The per-execution state of a query: EF Core's, plus the client and the table names of this context.</summary>
public class DynamoQueryContext(
    QueryContextDependencies dependencies,
    IDynamoClientWrapper client,
    IDynamoTableNameResolver tableNames,
    ScanBehavior scanBehavior) : QueryContext(dependencies)
{
    public virtual ScanBehavior ScanBehavior { get; } = scanBehavior;

    public virtual IDynamoClientWrapper Client { get; } = client;

    public virtual IDynamoTableNameResolver TableNames { get; } = tableNames;
}

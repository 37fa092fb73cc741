using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Query.Internal;

public class DynamoQueryContextFactory(
    QueryContextDependencies dependencies,
    IDynamoClientWrapper client,
    IDynamoTableNameResolver tableNames) : IQueryContextFactory
{
    public virtual QueryContext Create() => new DynamoQueryContext(dependencies, client, tableNames);
}

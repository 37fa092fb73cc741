namespace EFCore.DynamoDb.Query.Internal;

/// <summary>Reads what one <c>Include</c> loads for the entities a query has read, and links it to them.</summary>
public interface IDynamoIncludeLoader
{
    /// <summary>Reads what <paramref name="entities" /> include and links it to each, sync or <paramref name="async" />.</summary>
    Task LoadAsync(DynamoQueryContext queryContext, IReadOnlyList<object> entities, bool async, CancellationToken cancellationToken);
}

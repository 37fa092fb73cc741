using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Storage.Internal;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>DynamoDB-specific query operators.</summary>
public static class DynamoDbQueryableExtensions
{
    /// <summary>Reads with strong consistency: the result reflects every write that succeeded before the read.</summary>
    public static IQueryable<TEntity> WithConsistentRead<TEntity>(this IQueryable<TEntity> source)
        => Apply(source, nameof(WithConsistentRead));

    /// <summary>
    ///     Reads at most <paramref name="itemsToRead" /> items, matching or not (Flywheel's <c>scan_limit</c>); unlike
    ///     <c>Take</c>, which counts items returned, this bounds the capacity a filtered query consumes.
    /// </summary>
    public static IQueryable<TEntity> WithScanLimit<TEntity>(this IQueryable<TEntity> source, int itemsToRead)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(itemsToRead);
        return Apply(source, nameof(WithScanLimit), itemsToRead);
    }

    /// <summary>Asks DynamoDB for at most <paramref name="pageSize" /> items per request (its <c>Limit</c>).</summary>
    public static IQueryable<TEntity> WithPageSize<TEntity>(this IQueryable<TEntity> source, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        return Apply(source, nameof(WithPageSize), pageSize);
    }

    /// <summary>Permits this query to scan when the <c>ScanBehavior</c> option is <see cref="ScanBehavior.Throw" />.</summary>
    public static IQueryable<TEntity> AllowScan<TEntity>(this IQueryable<TEntity> source)
        => Apply(source, nameof(AllowScan));

    /// <summary>Scans in <paramref name="segments" /> parallel segments (DynamoDB's parallel scan); implies <see cref="AllowScan{TEntity}" />.</summary>
    public static IQueryable<TEntity> WithParallelScan<TEntity>(this IQueryable<TEntity> source, int segments)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(segments);
        return Apply(source, nameof(WithParallelScan), segments);
    }

    /// <summary>
    ///     Reads through the named secondary index instead of letting the provider choose (Flywheel's <c>index()</c>).
    ///     When the index does not hold every attribute the query returns, the missing attributes are fetched from the
    ///     table with <c>BatchGetItem</c>.
    /// </summary>
    public static IQueryable<TEntity> WithIndex<TEntity>(this IQueryable<TEntity> source, [NotParameterized] string indexName)
    {
        ArgumentException.ThrowIfNullOrEmpty(indexName);
        return Apply(source, nameof(WithIndex), indexName);
    }

    /// <summary>
    ///     Reads one page of at most <paramref name="pageSize" /> results. Pass the page's
    ///     <see cref="DynamoDbPage{T}.ContinuationToken" /> to the same query to read the next page; a token that was
    ///     changed, or that belongs to another query, is refused.
    /// </summary>
    public static async Task<DynamoDbPage<TEntity>> ToPageAsync<TEntity>(
        this IQueryable<TEntity> source,
        int pageSize,
        string? continuationToken,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        if (source.Provider is not IAsyncQueryProvider provider)
        {
            throw new InvalidOperationException(CoreStrings.IQueryableProviderNotAsync);
        }

        var paged = Expression.Call(
            DynamoQueryOperators.Find(nameof(WithPage)).MakeGenericMethod(typeof(TEntity)),
            source.Expression,
            Expression.Constant(pageSize),
            Expression.Constant(continuationToken, typeof(string)));
        var results = provider.ExecuteAsync<IAsyncEnumerable<TEntity>>(paged, cancellationToken);

        var items = new List<TEntity>(pageSize);
        await foreach (var item in results.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            items.Add(item);
        }

        return new DynamoDbPage<TEntity>(items, (results as IDynamoPagedResults)?.ContinuationToken);
    }

    /// <summary>
    ///     Reads the entities with a PartiQL <c>SELECT</c> (DynamoDB's <c>ExecuteStatement</c>), as <c>FromSql</c> does
    ///     with SQL: <c>db.Orders.FromPartiQL($"SELECT * FROM {db.Orders} WHERE PK = {id}")</c>. A hole holding a
    ///     <c>DbSet</c> names its table, quoted and with the table prefix; every other hole is a value, sent as a
    ///     parameter, never as text (a hole inside quotes is refused). The items are shaped, tracked or not, as a LINQ
    ///     query's; all pages are read, or as many as <c>Take</c> or <c>ToPageAsync</c> need. A <c>Where</c> on a plain
    ///     <c>SELECT … FROM … [WHERE …]</c> is joined to it with <c>AND</c>; <c>Select</c> and aggregates run on the
    ///     items; ordering, <c>WithIndex</c> and writes are refused.
    /// </summary>
    public static IQueryable<TEntity> FromPartiQL<TEntity>(this DbSet<TEntity> source, FormattableString statement)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(source);
        var (parsed, values) = DynamoPartiQLStatement.Parse(statement);
        if (!DynamoPartiQLComposition.StartsWith(parsed.Skeleton, "SELECT"))
        {
            throw new InvalidOperationException(DynamoStrings.PartiQLNotSelect(parsed.Template));
        }

        var queryable = (IQueryable<TEntity>)source;
        return queryable.Provider.CreateQuery<TEntity>(
            new DynamoPartiQLQueryRootExpression(
                (IAsyncQueryProvider)queryable.Provider, source.EntityType, parsed, DynamoPartiQLQueryRootExpression.Capture(values)));
    }

    // The query operator ToPageAsync adds; its arguments become parameters, so every page reuses one compiled query.
    internal static IQueryable<TEntity> WithPage<TEntity>(IQueryable<TEntity> source, int pageSize, string? continuationToken)
        => throw new NotSupportedException();

    private static IQueryable<TEntity> Apply<TEntity>(IQueryable<TEntity> source, string methodName, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(source);
        var method = DynamoQueryOperators.Find(methodName).MakeGenericMethod(typeof(TEntity));

        // Outside EF Core (LINQ to objects) the operators have no meaning and change nothing.
        return source.Provider is Microsoft.EntityFrameworkCore.Query.Internal.EntityQueryProvider
            ? source.Provider.CreateQuery<TEntity>(
                Expression.Call(method, [source.Expression, .. arguments.Select(a => Expression.Constant(a))]))
            : source;
    }
}

using EFCore.DynamoDb.Diagnostics.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Loads the dependents of an <c>Include</c> of a collection navigation after the principals are read: for each
///     principal, its key is set as the parameters of the dependents' query (the foreign key's equality, then the
///     operators of a filtered include), which the planner answers with one <c>Query</c> on the dependents' table or on
///     a global index keyed by the foreign key. Async, the queries are sent concurrently, at most <see
///     cref="MaxConcurrentQueries" /> at once, and their dependents are then shaped and linked in the principals' order,
///     one after the other: shaping goes through the context's change tracker, which is not thread-safe. Sync, the
///     principals are read one after the other.
/// </summary>
public sealed class DynamoCollectionLoader : IDynamoIncludeLoader
{
    /// <summary>
    ///     The number of principals whose dependents are read without notice; past it, the fan-out of one Query per
    ///     principal is treated as a scan is, per the <c>ScanBehavior</c> option: a warning, a refusal, or nothing.
    /// </summary>
    public const int QueriesWithoutWarning = 25;

    /// <summary>The most dependents' queries in flight at once, so that a large fan-out does not flood the connection pool.</summary>
    public const int MaxConcurrentQueries = 8;

    private readonly DynamoCollectionInclude _include;
    private readonly Func<QueryContext, object> _readDependents;
    private readonly DynamoCollectionLinker _linker;
    private readonly IReadOnlyList<IClrPropertyGetter> _principalKey;

    /// <param name="include">The include, whose dependents' query <paramref name="readDependents" /> runs.</param>
    /// <param name="readDependents">The compiled dependents' query: the enumerable of one principal's dependents.</param>
    /// <param name="tracking">Whether the query tracks what it reads.</param>
    public DynamoCollectionLoader(DynamoCollectionInclude include, Func<QueryContext, object> readDependents, bool tracking)
    {
        _include = include;
        _readDependents = readDependents;
        _linker = new DynamoCollectionLinker(include, tracking);
        _principalKey = [.. include.Navigation.ForeignKey.PrincipalKey.Properties.Select(p => p.GetGetter())];
    }

    /// <summary>
    ///     Why the dependents of <paramref name="navigation" /> cannot be read with a <c>Query</c> by their foreign key, or
    ///     <see langword="null" /> when they can: the foreign key must hold the partition key of the dependents' table or of
    ///     one of its global secondary indexes.
    /// </summary>
    public static string? FindRefusal(INavigation navigation)
    {
        var dependentType = navigation.TargetEntityType;
        var foreignKey = navigation.ForeignKey.Properties;
        if (foreignKey.Contains(dependentType.GetPartitionKeyProperty())
            || dependentType.GetGlobalSecondaryIndexes().Any(i => i.GetPartitionKeyProperties().All(foreignKey.Contains)))
        {
            return null;
        }

        return DynamoStrings.IncludeCollectionNotKeyed(
            DynamoNavigationRefusals.DisplayName(navigation),
            dependentType.DisplayName(),
            string.Join(", ", foreignKey.Select(p => $"'{p.Name}'")),
            dependentType.GetDynamoTableName(),
            dependentType.GetPartitionKeyProperty().Name);
    }

    /// <inheritdoc />
    public async Task LoadAsync(DynamoQueryContext queryContext, IReadOnlyList<object> entities, bool async, CancellationToken cancellationToken)
    {
        var keyed = entities
            .Distinct(ReferenceEqualityComparer.Instance)
            .Select(principal => (Principal: principal!, Key: _principalKey.Select(getter => getter.GetClrValue(principal!)).ToList()))
            .Where(p => !p.Key.Contains(null))
            .ToList();
        CheckFanOut(queryContext, keyed.Count);
        using var throttle = new SemaphoreSlim(MaxConcurrentQueries);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reads = new List<Task<IEnumerable<object>>>(keyed.Count);
        try
        {
            foreach (var (_, key) in keyed)
            {
                for (var i = 0; i < key.Count; i++)
                {
                    queryContext.Parameters[_include.KeyParameters[i].Name] = key[i];
                }

                var dependents = _readDependents(queryContext);
                reads.Add(
                    async && dependents is IDynamoBufferedResults buffered
                        ? ReadThrottledAsync(buffered, throttle, failed)
                        : Task.FromResult<IEnumerable<object>>(await ReadAsync(dependents, async, cancellationToken).ConfigureAwait(false)));
            }
        }
        catch
        {
            // The reads already sent must not outlive the throttle and the token they use.
            await failed.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(Task.WhenAll(reads)).ConfigureAwait(false);
            throw;
        }

        var dependentsRead = await ShapeAsync(queryContext, reads, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < keyed.Count; i++)
        {
            _linker.Link(queryContext, keyed[i].Principal, dependentsRead[i]);
        }
    }

    // A failed read cancels the others, which would be wasted. The read is prepared before the first await, so that it
    // takes the key parameters as they are now; it is sent once the throttle lets it.
    private static async Task<IEnumerable<object>> ReadThrottledAsync(
        IDynamoBufferedResults dependents,
        SemaphoreSlim throttle,
        CancellationTokenSource failed)
    {
        try
        {
            var read = dependents.PrepareBufferedRead();
            await throttle.WaitAsync(failed.Token).ConfigureAwait(false);
            try
            {
                return await read(failed.Token).ConfigureAwait(false);
            }
            finally
            {
                throttle.Release();
            }
        }
        catch
        {
            await failed.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    // A buffered read is shaped here, not through the enumerator that logs how a query failed or was canceled, so its
    // failure is logged here the same way, once: awaiting all the reads throws the one that failed rather than those it
    // canceled, and a cancellation only when none failed. A read that is not buffered was shaped, and logged, already.
    private static async Task<List<object>[]> ShapeAsync(
        DynamoQueryContext queryContext,
        List<Task<IEnumerable<object>>> reads,
        CancellationToken cancellationToken)
    {
        try
        {
            return [.. (await Task.WhenAll(reads).ConfigureAwait(false)).Select(dependents => dependents.ToList())];
        }
        catch (Exception exception)
        {
            var contextType = queryContext.Context.GetType();
            if (queryContext.ExceptionDetector.IsCancellation(exception, cancellationToken))
            {
                queryContext.QueryLogger.QueryCanceled(contextType);
            }
            else
            {
                queryContext.QueryLogger.QueryIterationFailed(contextType, exception);
            }

            throw;
        }
    }

    private void CheckFanOut(DynamoQueryContext queryContext, int principals)
    {
        if (principals <= QueriesWithoutWarning)
        {
            return;
        }

        var navigation = DynamoNavigationRefusals.DisplayName(_include.Navigation);
        switch (queryContext.ScanBehavior)
        {
            case ScanBehavior.Throw:
                throw new InvalidOperationException(DynamoStrings.IncludeQueriesNotAllowed(navigation, principals, QueriesWithoutWarning));
            case ScanBehavior.Warn:
                queryContext.QueryLogger.IncludeQueriesWarning(navigation, principals);
                break;
        }
    }

    /// <summary>Reads all the entities of the enumerable an include's compiled query returns, sync or <paramref name="async" />.</summary>
    internal static async Task<List<object>> ReadAsync(object entities, bool async, CancellationToken cancellationToken)
    {
        if (!async)
        {
            return [.. (IEnumerable<object>)entities];
        }

        var results = new List<object>();
        await foreach (var entity in ((IAsyncEnumerable<object>)entities).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            results.Add(entity);
        }

        return results;
    }
}

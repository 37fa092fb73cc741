using System.Collections;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Executes a read plan, sync or async: pages through DynamoDB's results and shapes each item, or counts
///     them. Items are returned as they arrive; <c>Take</c> stops the paging once enough have matched.
/// </summary>
public sealed class DynamoQueryingEnumerable<T>(
    DynamoQueryContext queryContext,
    DynamoReadPlan readPlan,
    Func<QueryContext, Dictionary<string, AttributeValue>, T>? shaper,
    Type contextType,
    QueryTrackingBehavior trackingBehavior,
    bool threadSafetyChecksEnabled) : IAsyncEnumerable<T>, IEnumerable<T>, IQueryingEnumerable, IDynamoPagedResults, IDynamoBufferedResults
{
    private readonly DynamoQueryContext _queryContext = queryContext;
    private readonly DynamoReadPlan _readPlan = readPlan;
    private readonly Func<QueryContext, Dictionary<string, AttributeValue>, T>? _shaper = shaper;
    private readonly bool _standAloneStateManager = trackingBehavior == QueryTrackingBehavior.NoTrackingWithIdentityResolution;
    // A query of properties only tracks nothing, whatever its tracking behavior.
    private readonly bool _tracking = trackingBehavior == QueryTrackingBehavior.TrackAll && readPlan.ProjectedProperties == null;
    private readonly Type _contextType = contextType;
    private readonly bool _threadSafetyChecksEnabled = threadSafetyChecksEnabled;

    /// <inheritdoc />
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        => new Enumerator(this, cancellationToken);

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => new Enumerator(this, default);

    /// <summary>
    ///     The one result of an asynchronous query of single cardinality (<c>First</c>, <c>Single</c> or their
    ///     <c>OrDefault</c> forms, a <c>Find</c>, and <c>Count</c>, <c>Any</c>, <c>All</c>), with the semantics of EF Core's:
    ///     a read of one page (a <c>GetItem</c>) that returns items is awaited in this one method, not through an
    ///     enumerator's <c>MoveNextAsync</c> under EF Core's own asynchronous method; any other read is enumerated.
    /// </summary>
    /// <param name="orDefault">Whether no result is the default value rather than an error.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The result.</returns>
    public Task<T> SingleAsync(bool orDefault, CancellationToken cancellationToken)
        => new Enumerator(this, cancellationToken).SingleAsync(orDefault);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public string ToQueryString()
    {
        var tableName = _queryContext.TableNames.Resolve(_readPlan.EntityType);
        var description = DynamoReadRequests.Describe(DynamoReadCommandRenderer.Render(_readPlan, tableName, _queryContext));
        return description.Operation + " " + description.TableName
            + (description.IndexName == null ? "" : " (" + description.IndexName + ")")
            + Environment.NewLine + description.Expressions;
    }

    /// <inheritdoc />
    public string? ContinuationToken { get; private set; }

    // Count and Any read pages without shaping an item.
    private async Task<T> AggregateAsync(DynamoPagedReader reader, CancellationToken cancellationToken)
    {
        if (_readPlan.ResultKind == DynamoResultKind.Count)
        {
            long count = 0;
            await foreach (var page in reader.ReadPagesAsync(itemsWanted: null, cancellationToken).ConfigureAwait(false))
            {
                count += page.Count;
            }

            return typeof(T) == typeof(int) ? (T)(object)checked((int)count) : (T)(object)count;
        }

        // One match settles it: without a filter DynamoDB is asked to read a single item.
        var any = false;
        await foreach (var page in reader.ReadPagesAsync(itemsWanted: 1, cancellationToken).ConfigureAwait(false))
        {
            if (page.Count > 0)
            {
                any = true;
                break;
            }
        }

        return (T)(object)(any != _readPlan.NegateResult);
    }

    /// <inheritdoc />
    public Func<CancellationToken, Task<IEnumerable<object>>> PrepareBufferedRead()
    {
        EntityFrameworkMetricsData.ReportQueryExecuting();
        var reader = new DynamoPagedReader(_readPlan, _queryContext);
        var shaping = new PageShaping(this, reader);
        return async cancellationToken =>
        {
            var pages = new List<DynamoReadPage>();
            var items = 0;
            if (!shaping.Done)
            {
                // The pages the shaping would have read: it stops once it has the items it wants.
                await foreach (var page in reader.ReadPagesAsync(shaping.ItemsWanted, cancellationToken).ConfigureAwait(false))
                {
                    pages.Add(page);
                    items += page.Items.Count;
                    if (items >= shaping.ItemsWanted)
                    {
                        break;
                    }
                }
            }

            return shaping.ShapeAll(pages).Cast<object>();
        };
    }

    // Shapes the items of the pages in order, one at a time, skipping the offset and stopping at the limit.
    private sealed class PageShaping(DynamoQueryingEnumerable<T> enumerable, DynamoPagedReader reader)
    {
        private readonly int? _limit = reader.Arguments.Limit;
        private int _toSkip = reader.Arguments.Offset;
        private int _returned;
        private bool _initialized;
        private List<Dictionary<string, AttributeValue>>? _items;
        private int _next;

        public int? ItemsWanted => _limit + reader.Arguments.Offset;

        public bool Done => _returned == _limit || _limit <= 0;

        // Whether the current page may still hold a result: when not, the next page must be read.
        public bool HasItemsLeft => _items != null && _next < _items.Count && !Done;

        // Whether no result is left: the limit is reached, or the last page is shaped.
        public bool Finished => Done || (reader.ReadAll && !HasItemsLeft);

        // The next items to shape; the state manager is set up with the first page.
        public void Start(DynamoReadPage page)
        {
            if (!_initialized)
            {
                enumerable._queryContext.InitializeStateManager(enumerable._standAloneStateManager);
                _initialized = true;
            }

            if (enumerable._tracking)
            {
                enumerable._queryContext.ReserveTracked(page.Items.Count);
            }

            _items = page.Items;
            _next = 0;
        }

        public bool TryShapeNext(out T result)
        {
            while (HasItemsLeft)
            {
                var i = _next++;
                if (_toSkip > 0)
                {
                    _toSkip--;
                    continue;
                }

                var item = _items![i];
                if (++_returned == _limit && enumerable._readPlan.ContinuationToken != null)
                {
                    enumerable.ContinuationToken = reader.CreateContinuationToken(item, itemsLeftInPage: i < _items.Count - 1);
                }

                result = enumerable._shaper!(enumerable._queryContext, item);
                return true;
            }

            result = default!;
            return false;
        }

        public IEnumerable<T> ShapeAll(List<DynamoReadPage> pages)
        {
            foreach (var page in pages)
            {
                Start(page);
                while (TryShapeNext(out var result))
                {
                    yield return result;
                }
            }
        }
    }

    // Pages are read in MoveNextAsync's slow path; the items of a page already read are shaped synchronously. EF's
    // concurrency detector guards every page read, and the shaping of each item only when it tracks, because tracking
    // goes through the context's state manager: in a synchronous section, which writes no AsyncLocal.
    private sealed class Enumerator(DynamoQueryingEnumerable<T> enumerable, CancellationToken cancellationToken)
        : IEnumerator<T>, IAsyncEnumerator<T>
    {
        private readonly IConcurrencyDetector? _concurrencyDetector
            = enumerable._threadSafetyChecksEnabled ? enumerable._queryContext.ConcurrencyDetector : null;

        private PageShaping? _shaping;
        private IAsyncEnumerator<DynamoReadPage>? _pages;
        private bool _started;

        // A reader started by SingleAsync that it did not read with itself (not one page, a count, no item wanted): the
        // first ReadNextPageAsync reads with it.
        private DynamoPagedReader? _startedReader;

        public T Current { get; private set; } = default!;

        object IEnumerator.Current => Current!;

        public bool MoveNext()
        {
            var next = MoveNextAsync();
            return next.IsCompletedSuccessfully ? next.Result : next.AsTask().GetAwaiter().GetResult();
        }

        // Once the limit is reached (Take, First, Find) or the last page is shaped, no page is read: the end needs no
        // critical section either.
        public ValueTask<bool> MoveNextAsync()
        {
            var shaping = _shaping;
            if (shaping == null || !(shaping.HasItemsLeft || shaping.Finished))
            {
                return ReadNextPageAsync();
            }

            try
            {
                using var _ = DynamoConcurrencyDetector.EnterSynchronousSection(enumerable._tracking && shaping.HasItemsLeft ? _concurrencyDetector : null);
                cancellationToken.ThrowIfCancellationRequested();
                if (shaping.TryShapeNext(out var result))
                {
                    Current = result;
                    return new ValueTask<bool>(true);
                }

                if (shaping.Finished)
                {
                    Current = default!;
                    return new ValueTask<bool>(false);
                }
            }
            catch (Exception exception)
            {
                LogFailure(exception);
                throw;
            }

            return ReadNextPageAsync();
        }

        // Reads pages until one has a result to return, or there are no more.
        private async ValueTask<bool> ReadNextPageAsync()
        {
            try
            {
                using var _ = _concurrencyDetector?.EnterCriticalSection();
                cancellationToken.ThrowIfCancellationRequested();
                if (_pages == null)
                {
                    if (_started && _startedReader == null)
                    {
                        return false;
                    }

                    var reader = _startedReader ?? Start();
                    _startedReader = null;
                    if (_shaping == null)
                    {
                        Current = await enumerable.AggregateAsync(reader, cancellationToken).ConfigureAwait(false);
                        return true;
                    }

                    if (_shaping.Done)
                    {
                        return false;
                    }

                    if (reader.ReadsOnePage)
                    {
                        // One page (a GetItem, a small BatchGetItem) is awaited as the client returns it, without the paging iterator.
                        return ShapeFirst(await reader.ReadOnlyPageAsync(cancellationToken).ConfigureAwait(false));
                    }

                    _pages = reader.ReadPagesAsync(_shaping.ItemsWanted, cancellationToken).GetAsyncEnumerator(cancellationToken);
                }

                while (!_shaping!.Done && await _pages.MoveNextAsync().ConfigureAwait(false))
                {
                    if (ShapeFirst(_pages.Current))
                    {
                        return true;
                    }
                }

                Current = default!;
                return false;
            }
            catch (Exception exception)
            {
                LogFailure(exception);
                throw;
            }
        }

        // The read's reader; the shaping of its pages, unless it counts them (Count, Any).
        private DynamoPagedReader Start()
        {
            _started = true;
            EntityFrameworkMetricsData.ReportQueryExecuting();
            var reader = new DynamoPagedReader(enumerable._readPlan, enumerable._queryContext);
            if (enumerable._readPlan.ResultKind is not (DynamoResultKind.Count or DynamoResultKind.Any))
            {
                _shaping = new PageShaping(enumerable, reader);
            }

            return reader;
        }

        public async Task<T> SingleAsync(bool orDefault)
        {
            try
            {
                bool found;
                var readOnePage = false;
                try
                {
                    using var _ = _concurrencyDetector?.EnterCriticalSection();
                    cancellationToken.ThrowIfCancellationRequested();
                    var reader = Start();
                    // The one-page read of ReadNextPageAsync, awaited here: a helper of its own would be an async layer more.
                    if (_shaping is { Done: false } && reader.ReadsOnePage)
                    {
                        readOnePage = true;
                        found = ShapeFirst(await reader.ReadOnlyPageAsync(cancellationToken).ConfigureAwait(false));
                    }
                    else
                    {
                        _startedReader = reader;
                        found = false;
                    }
                }
                catch (Exception exception)
                {
                    LogFailure(exception);
                    throw;
                }

                // Outside the critical section, which the enumeration enters itself.
                if (!readOnePage)
                {
                    found = await MoveNextAsync().ConfigureAwait(false);
                }

                if (!found)
                {
                    return orDefault ? default! : throw new InvalidOperationException(CoreStrings.SequenceContainsNoElements);
                }

                var result = Current;
                return await MoveNextAsync().ConfigureAwait(false)
                    ? throw new InvalidOperationException(CoreStrings.SequenceContainsMoreThanOneElement)
                    : result;
            }
            finally
            {
                await DisposeAsync().ConfigureAwait(false);
            }
        }

        // Starts shaping a page read: whether it has a result, which is then current.
        private bool ShapeFirst(DynamoReadPage page)
        {
            _shaping!.Start(page);
            var shaped = _shaping.TryShapeNext(out var result);
            Current = shaped ? result : default!;
            return shaped;
        }

        private void LogFailure(Exception exception)
        {
            var queryLogger = enumerable._queryContext.QueryLogger;
            if (enumerable._queryContext.ExceptionDetector.IsCancellation(exception, cancellationToken))
            {
                queryLogger.QueryCanceled(enumerable._contextType);
            }
            else
            {
                queryLogger.QueryIterationFailed(enumerable._contextType, exception);
            }
        }

        public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

        public async ValueTask DisposeAsync()
        {
            var pages = _pages;
            _pages = null;
            _shaping = null;
            if (pages != null)
            {
                await pages.DisposeAsync().ConfigureAwait(false);
            }
        }

        public void Reset() => throw new NotSupportedException(CoreStrings.EnumerableResetNotSupported);
    }
}

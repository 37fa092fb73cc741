using System.Collections;
using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2.Model;
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
    bool standAloneStateManager,
    bool threadSafetyChecksEnabled) : IAsyncEnumerable<T>, IEnumerable<T>, IQueryingEnumerable, IDynamoPagedResults, IDynamoBufferedResults
{
    private readonly DynamoQueryContext _queryContext = queryContext;
    private readonly DynamoReadPlan _readPlan = readPlan;
    private readonly Func<QueryContext, Dictionary<string, AttributeValue>, T>? _shaper = shaper;
    private readonly bool _standAloneStateManager = standAloneStateManager;
    private readonly Type _contextType = contextType;
    private readonly bool _threadSafetyChecksEnabled = threadSafetyChecksEnabled;

    /// <inheritdoc />
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        => new Enumerator(this, cancellationToken);

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => new Enumerator(this, default);

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

    private async IAsyncEnumerable<T> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        EntityFrameworkMetricsData.ReportQueryExecuting();
        var reader = new DynamoPagedReader(_readPlan, _queryContext);

        switch (_readPlan.ResultKind)
        {
            case DynamoResultKind.Count:
            {
                long count = 0;
                await foreach (var page in reader.ReadPagesAsync(itemsWanted: null, cancellationToken).ConfigureAwait(false))
                {
                    count += page.Count;
                }

                yield return typeof(T) == typeof(int) ? (T)(object)checked((int)count) : (T)(object)count;
                yield break;
            }

            case DynamoResultKind.Any:
            {
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

                yield return (T)(object)(any != _readPlan.NegateResult);
                yield break;
            }
        }

        var shaping = new PageShaping(this, reader);
        if (shaping.Done)
        {
            yield break;
        }

        await foreach (var page in reader.ReadPagesAsync(shaping.ItemsWanted, cancellationToken).ConfigureAwait(false))
        {
            foreach (var result in shaping.Shape(page))
            {
                yield return result;
            }

            if (shaping.Done)
            {
                yield break;
            }
        }
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

            return pages.SelectMany(shaping.Shape).Cast<object>();
        };
    }

    // Shapes the items of the pages in order, skipping the offset and stopping at the limit.
    private sealed class PageShaping(DynamoQueryingEnumerable<T> enumerable, DynamoPagedReader reader)
    {
        private readonly int? _limit = reader.Arguments.Limit;
        private int _toSkip = reader.Arguments.Offset;
        private int _returned;
        private bool _initialized;

        public int? ItemsWanted => _limit + reader.Arguments.Offset;

        public bool Done => _returned == _limit || _limit <= 0;

        public IEnumerable<T> Shape(DynamoReadPage page)
        {
            var queryContext = enumerable._queryContext;
            if (!_initialized)
            {
                queryContext.InitializeStateManager(enumerable._standAloneStateManager);
                _initialized = true;
            }

            for (var i = 0; i < page.Items.Count && !Done; i++)
            {
                if (_toSkip > 0)
                {
                    _toSkip--;
                    continue;
                }

                var item = page.Items[i];
                if (++_returned == _limit && enumerable._readPlan.ContinuationToken != null)
                {
                    enumerable.ContinuationToken = reader.CreateContinuationToken(item, itemsLeftInPage: i < page.Items.Count - 1);
                }

                yield return enumerable._shaper!(queryContext, item);
            }
        }
    }

    private sealed class Enumerator(DynamoQueryingEnumerable<T> enumerable, CancellationToken cancellationToken)
        : IEnumerator<T>, IAsyncEnumerator<T>
    {
        private readonly IConcurrencyDetector? _concurrencyDetector
            = enumerable._threadSafetyChecksEnabled ? enumerable._queryContext.ConcurrencyDetector : null;

        private IAsyncEnumerator<T>? _inner;

        public T Current { get; private set; } = default!;

        object IEnumerator.Current => Current!;

        public bool MoveNext() => MoveNextAsync().AsTask().GetAwaiter().GetResult();

        public async ValueTask<bool> MoveNextAsync()
        {
            try
            {
                using var _ = _concurrencyDetector?.EnterCriticalSection();
                cancellationToken.ThrowIfCancellationRequested();

                _inner ??= enumerable.ReadAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
                var hasNext = await _inner.MoveNextAsync().ConfigureAwait(false);
                Current = hasNext ? _inner.Current : default!;
                return hasNext;
            }
            catch (Exception exception)
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

                throw;
            }
        }

        public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

        public async ValueTask DisposeAsync()
        {
            var inner = _inner;
            _inner = null;
            if (inner != null)
            {
                await inner.DisposeAsync().ConfigureAwait(false);
            }
        }

        public void Reset() => throw new NotSupportedException(CoreStrings.EnumerableResetNotSupported);
    }
}

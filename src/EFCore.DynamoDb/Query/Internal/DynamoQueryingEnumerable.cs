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
    bool threadSafetyChecksEnabled) : IAsyncEnumerable<T>, IEnumerable<T>, IQueryingEnumerable, IDynamoPagedResults
{
    private readonly DynamoQueryContext _queryContext = queryContext;
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
        var tableName = _queryContext.TableNames.Resolve(readPlan.EntityType);
        var description = DynamoReadRequests.Describe(DynamoReadCommandRenderer.Render(readPlan, tableName, _queryContext));
        return description.Operation + " " + description.TableName
            + (description.IndexName == null ? "" : " (" + description.IndexName + ")")
            + Environment.NewLine + description.Expressions;
    }

    /// <inheritdoc />
    public string? ContinuationToken { get; private set; }

    private async IAsyncEnumerable<T> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        EntityFrameworkMetricsData.ReportQueryExecuting();
        var reader = new DynamoPagedReader(readPlan, _queryContext);

        switch (readPlan.ResultKind)
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

                yield return (T)(object)(any != readPlan.NegateResult);
                yield break;
            }
        }

        var limit = reader.Arguments.Limit;
        if (limit <= 0)
        {
            yield break;
        }

        var toSkip = reader.Arguments.Offset;
        _queryContext.InitializeStateManager(standAloneStateManager);
        var returned = 0;
        await foreach (var page in reader.ReadPagesAsync(limit + toSkip, cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < page.Items.Count; i++)
            {
                if (toSkip > 0)
                {
                    toSkip--;
                    continue;
                }

                var item = page.Items[i];
                if (++returned == limit && readPlan.ContinuationToken != null)
                {
                    ContinuationToken = reader.CreateContinuationToken(item, itemsLeftInPage: i < page.Items.Count - 1);
                }

                yield return shaper!(_queryContext, item);
                if (returned == limit)
                {
                    yield break;
                }
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

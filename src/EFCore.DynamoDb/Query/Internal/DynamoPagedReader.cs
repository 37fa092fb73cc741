using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Diagnostics.Internal;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Reads the pages of one execution of a read plan, honouring the page size (<c>WithPageSize</c>), the number of
///     items read (<c>WithScanLimit</c>) and, when no filter can drop items, the number of items wanted, so DynamoDB
///     reads no more than it must. The segments of a parallel scan are read concurrently. The request and the parameter
///     values are taken when the reader is made: several readers of one query may then read concurrently while the
///     parameters change (the per-principal reads of an <c>Include</c>).
/// </summary>
public sealed class DynamoPagedReader
{
    private readonly DynamoReadPlan _plan;
    private readonly DynamoQueryContext _queryContext;
    private readonly Dictionary<string, object?>? _clientFilterParameters;
    private readonly DynamoReadCommand _command;
    private bool _hasMorePages = true;
    private string? _nextToken;
    private string? _fingerprint;

    /// <summary>
    ///     A reader of one execution of <paramref name="plan" />, with the parameter values and client of <paramref
    ///     name="queryContext" />.
    /// </summary>
    public DynamoPagedReader(DynamoReadPlan plan, DynamoQueryContext queryContext)
    {
        _plan = plan;
        _queryContext = queryContext;
        _clientFilterParameters = plan.AccessPlan.ClientFilter == null ? null : new Dictionary<string, object?>(queryContext.Parameters);
        Arguments = DynamoReadArguments.Evaluate(plan, queryContext);
        if (Arguments.Offset > 0)
        {
            queryContext.QueryLogger.SkipWarning(plan.EntityType, Arguments.Offset);
        }

        _command = CreateCommand();
    }

    /// <summary>Whether the page last returned is the last one: reading on would end the pages without a request.</summary>
    public bool ReadAll { get; private set; }

    /// <summary>This execution's arguments, among them the items to return and to discard before the first one returned.</summary>
    public DynamoReadArguments Arguments { get; }

    /// <summary>
    ///     The token that resumes after <paramref name="lastItem" />, the last item returned, when more items may follow
    ///     it: some were left in its page, or DynamoDB has more pages.
    /// </summary>
    public string? CreateContinuationToken(Dictionary<string, AttributeValue> lastItem, bool itemsLeftInPage)
        => _fingerprint == null ? null
            : _plan.ResumesAfterPage ? _nextToken is { } nextToken ? DynamoContinuationToken.EncodeNextToken(nextToken, _fingerprint) : null
            : itemsLeftInPage || _hasMorePages
                ? DynamoContinuationToken.Encode(_plan.KeyAttributeNames.ToDictionary(name => name, name => lastItem[name]), _fingerprint)
                : null;

    /// <summary>
    ///     Whether the read is one request answered by one page — a <c>GetItem</c>, or a <c>BatchGetItem</c> of no more
    ///     keys than one request reads — that is neither paged (<c>ToPageAsync</c>), bounded by a scan limit nor filtered
    ///     on the client: its page is <see cref="ReadOnlyPageAsync" />, without the paging of <see cref="ReadPagesAsync" />.
    /// </summary>
    public bool ReadsOnePage
        => (_command.Operation == DynamoReadOperation.GetItem
                || _command is { Operation: DynamoReadOperation.BatchGetItem, Keys.Count: <= DynamoReadRequests.MaxKeysPerBatchGet })
            && _plan.ContinuationToken == null
            && Arguments.ScanLimit == null
            && !NeedsCompletion;

    /// <summary>The one page of a read that <see cref="ReadsOnePage" />: the client's answer, awaited by the caller alone.</summary>
    public Task<DynamoReadPage> ReadOnlyPageAsync(CancellationToken cancellationToken)
    {
        ReadAll = true;
        return _queryContext.Client.ReadAsync(_command, cancellationToken);
    }

    /// <param name="itemsWanted">How many matching items the caller needs at most, or <see langword="null" /> for all.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public async IAsyncEnumerable<DynamoReadPage> ReadPagesAsync(
        int? itemsWanted,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var command = _command;
        if (Arguments.ParallelSegments is { } segments && segments > 1)
        {
            // Parallel scan: every segment is read to its end concurrently, then the pages are returned in order.
            var segmentPages = await Task.WhenAll(
                    Enumerable.Range(0, segments)
                        .Select(segment => ReadAllAsync(command with { Segment = (segment, segments) }, CreateClientFilter(), cancellationToken)))
                .ConfigureAwait(false);
            var allPages = segmentPages.SelectMany(pages => pages).ToList();
            for (var i = 0; i < allPages.Count; i++)
            {
                ReadAll = i == allPages.Count - 1;
                yield return allPages[i];
            }

            yield break;
        }

        if (Arguments.ParallelSegments is { } single)
        {
            command = command with { Segment = (0, single) };
        }

        if (_plan.ContinuationToken != null)
        {
            // Taken from the first page's request, before the resume key and limits change it.
            _fingerprint = DynamoContinuationToken.Fingerprint(DynamoReadRequests.Describe(command));
            if (Arguments.ContinuationToken is { } token)
            {
                command = _plan.ResumesAfterPage
                    ? command with { NextToken = DynamoContinuationToken.DecodeNextToken(token, _fingerprint) }
                    : command with { StartKey = DynamoContinuationToken.Decode(token, _fingerprint) };
            }
        }

        var clientFilter = CreateClientFilter();
        var read = 0;
        var matched = 0;
        for (DynamoReadCommand? next = command; next != null && (Arguments.ScanLimit == null || read < Arguments.ScanLimit);)
        {
            var page = await _queryContext.Client.ReadAsync(WithLimit(next, MaxItemsToRead(itemsWanted - matched, Arguments.ScanLimit - read)), cancellationToken)
                .ConfigureAwait(false);
            next = page.Next;
            _hasMorePages = page.HasMore;
            _nextToken = page.Next?.NextToken;
            if (NeedsCompletion)
            {
                page = await CompleteAsync(page, clientFilter, cancellationToken).ConfigureAwait(false);
            }

            read += page.ScannedCount;
            matched += page.Count;
            ReadAll = next == null || read >= Arguments.ScanLimit;
            yield return page;
        }
    }

    // A scan is first checked against the ScanBehavior option: refused, logged as a warning, or allowed. The choice of a
    // secondary index is logged at debug level, so that a user can see why a query reads where it does.
    private DynamoReadCommand CreateCommand()
    {
        var entityType = _plan.EntityType;
        if (_plan.AccessPlan.Path == DynamoAccessPath.Scan && !_plan.ReadOptions.AllowScan)
        {
            switch (_queryContext.ScanBehavior)
            {
                case ScanBehavior.Throw:
                    throw new InvalidOperationException(
                        DynamoStrings.ScanNotAllowed(entityType.DisplayName(), Arguments.TableName, entityType.GetPartitionKeyProperty().Name));
                case ScanBehavior.Warn:
                    _queryContext.QueryLogger.ScanWarning(Arguments.TableName, entityType);
                    break;
            }
        }

        if (_plan.AccessPlan.IndexName != null)
        {
            _queryContext.QueryLogger.IndexChosen(entityType, _plan.AccessPlan.IndexName);
        }

        return DynamoReadCommandRenderer.Render(_plan, Arguments.TableName, _queryContext);
    }

    // Whether a page is completed after it is read (CompleteAsync): most are not, and skip its task.
    private bool NeedsCompletion => _plan.AccessPlan.ClientFilter != null || _plan.AccessPlan.FetchFromTable;

    private DynamoItemPredicate? CreateClientFilter()
        => _plan.AccessPlan.ClientFilter is { } condition ? new DynamoItemPredicate(condition, _clientFilterParameters!) : null;

    // Drops the items that the conditions DynamoDB cannot evaluate reject, then fetches from the table what an index
    // that does not hold every attribute left out.
    private async Task<DynamoReadPage> CompleteAsync(DynamoReadPage page, DynamoItemPredicate? clientFilter, CancellationToken cancellationToken)
    {
        if (clientFilter != null)
        {
            var items = page.Items.Where(clientFilter.Matches).ToList();
            page = page with { Items = items, Count = items.Count };
        }

        if (_plan.AccessPlan.FetchFromTable && page.Items.Count > 0)
        {
            page = page with { Items = await FetchFromTableAsync(page.Items, cancellationToken).ConfigureAwait(false) };
        }

        return page;
    }

    // An index that does not hold every attribute returns keys and some attributes; the table has the rest.
    private async Task<List<Dictionary<string, AttributeValue>>> FetchFromTableAsync(
        List<Dictionary<string, AttributeValue>> indexItems,
        CancellationToken cancellationToken)
    {
        var keyAttributes = _plan.TableKeyAttributeNames;
        DynamoReadCommand? next = new DynamoReadCommand(DynamoReadOperation.BatchGetItem, Arguments.TableName)
        {
            Keys = indexItems.Select(item => keyAttributes.ToDictionary(a => a, a => item[a])).ToList(),
            ConsistentRead = _plan.ReadOptions.ConsistentRead
        };

        var fullItems = new Dictionary<string, Dictionary<string, AttributeValue>>(StringComparer.Ordinal);
        while (next != null)
        {
            var page = await _queryContext.Client.ReadAsync(next, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                fullItems[KeyText(item, keyAttributes)] = item;
            }

            next = page.Next;
        }

        // In the index's order; an item deleted since the index was read is left out.
        return indexItems.Select(item => fullItems.GetValueOrDefault(KeyText(item, keyAttributes))).OfType<Dictionary<string, AttributeValue>>().ToList();
    }

    private static string KeyText(Dictionary<string, AttributeValue> item, IReadOnlyList<string> keyAttributes)
        => string.Join("\u0001", keyAttributes.Select(a => DynamoAttributeValueFormatter.Format(item[a])));

    private async Task<List<DynamoReadPage>> ReadAllAsync(
        DynamoReadCommand command,
        DynamoItemPredicate? clientFilter,
        CancellationToken cancellationToken)
    {
        var pages = new List<DynamoReadPage>();
        var read = 0;
        for (DynamoReadCommand? next = command; next != null && (Arguments.ScanLimit == null || read < Arguments.ScanLimit);)
        {
            var page = await _queryContext.Client.ReadAsync(WithLimit(next, MaxItemsToRead(null, Arguments.ScanLimit - read)), cancellationToken)
                .ConfigureAwait(false);
            next = page.Next;
            read += page.ScannedCount;
            pages.Add(NeedsCompletion ? await CompleteAsync(page, clientFilter, cancellationToken).ConfigureAwait(false) : page);
        }

        return pages;
    }

    // A command is copied only when its limit changes: most reads have none, and GetItem and BatchGetItem take none.
    private static DynamoReadCommand WithLimit(DynamoReadCommand command, int? limit)
        => command.Limit == limit || command.Operation is DynamoReadOperation.GetItem or DynamoReadOperation.BatchGetItem
            ? command
            : command with { Limit = limit };

    // DynamoDB's Limit counts items read: it may bound what is returned only when no filter drops items. A page that
    // resumes after itself (a statement's next token) must hold no more than is wanted, filter or not.
    private int? MaxItemsToRead(int? itemsStillWanted, int? itemsStillReadable)
    {
        int? max = Arguments.PageSize;
        if ((!_plan.HasFilter || _plan.ResumesAfterPage) && itemsStillWanted is { } wanted)
        {
            max = max == null ? wanted : Math.Min(max.Value, wanted);
        }

        if (itemsStillReadable is { } readable)
        {
            max = max == null ? readable : Math.Min(max.Value, readable);
        }

        return max;
    }
}

using EFCore.DynamoDb.Diagnostics.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Reads the pages of one execution, honouring the page size (<c>WithPageSize</c>), the number of items read
///     (<c>WithScanLimit</c>) and, when no filter can drop items, the number of items wanted, so DynamoDB reads no
///     more than it must. The segments of a parallel scan are read concurrently.
/// </summary>
public sealed class DynamoPagedReader
{
    private readonly DynamoCompiledRead _compiledRead;
    private readonly DynamoQueryContext _queryContext;
    private readonly int? _pageSize;
    private readonly int? _scanLimit;

    public DynamoPagedReader(DynamoCompiledRead compiledRead, DynamoQueryContext queryContext)
    {
        _compiledRead = compiledRead;
        _queryContext = queryContext;
        var selectExpression = compiledRead.SelectExpression;
        var options = selectExpression.ReadOptions;
        _pageSize = options.PageSize == null ? null : DynamoQueryArgument.Evaluate<int>(options.PageSize, queryContext);
        _scanLimit = options.ScanLimit == null ? null : DynamoQueryArgument.Evaluate<int>(options.ScanLimit, queryContext);
        Offset = selectExpression.Offset == null ? 0 : Math.Max(0, DynamoQueryArgument.Evaluate<int>(selectExpression.Offset, queryContext));
        if (Offset > 0)
        {
            queryContext.QueryLogger.SkipWarning(selectExpression.EntityType.DisplayName(), Offset);
        }
    }

    /// <summary>The items to read and discard before the first one returned.</summary>
    public int Offset { get; }

    private DynamoReadRequest? _request;

    /// <summary>
    ///     The token that resumes after <paramref name="lastItem" />, the last item returned, when more items may follow
    ///     it: some were left in its page, or DynamoDB has more pages.
    /// </summary>
    public string? CreateContinuationToken(Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue> lastItem, bool itemsLeftInPage)
        => _request != null && (itemsLeftInPage || _request.HasMorePages)
            ? DynamoContinuationToken.Encode(
                _compiledRead.KeyAttributeNames.ToDictionary(name => name, name => lastItem[name]),
                _request.Fingerprint)
            : null;

    /// <param name="itemsWanted">How many matching items the caller needs at most, or <see langword="null" /> for all.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public async IAsyncEnumerable<DynamoReadPage> ReadPagesAsync(
        int? itemsWanted,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var requests = _compiledRead.CreateRequests(_queryContext);
        if (requests.Count > 1)
        {
            // Parallel scan: every segment is read to its end concurrently, then the pages are returned in order.
            var segments = await Task.WhenAll(requests.Select(r => ReadAllAsync(r, CreateClientFilter(), cancellationToken))).ConfigureAwait(false);
            foreach (var page in segments.SelectMany(pages => pages))
            {
                yield return page;
            }

            yield break;
        }

        var request = requests[0];
        if (_compiledRead.SelectExpression.ContinuationToken is { } tokenArgument)
        {
            // Taken before the first read changes the request (its limit and resume key).
            _request = request;
            if (DynamoQueryArgument.Evaluate<string?>(tokenArgument, _queryContext) is { } token)
            {
                request.StartAfter(DynamoContinuationToken.Decode(token, request.Fingerprint));
            }
            else
            {
                _ = request.Fingerprint;
            }
        }

        var clientFilter = CreateClientFilter();
        var read = 0;
        var matched = 0;
        while (request.HasMorePages && (_scanLimit == null || read < _scanLimit))
        {
            var page = await request.ReadPageAsync(
                    _queryContext.Client, MaxItemsToRead(itemsWanted - matched, _scanLimit - read), cancellationToken)
                .ConfigureAwait(false);
            page = await CompleteAsync(page, clientFilter, cancellationToken).ConfigureAwait(false);
            read += page.ScannedCount;
            matched += page.Count;
            yield return page;
        }
    }

    private DynamoItemPredicate? CreateClientFilter()
        => _compiledRead.Plan.ClientFilter is { } condition ? new DynamoItemPredicate(condition, _queryContext) : null;

    // Drops the items that the conditions DynamoDB cannot evaluate reject, then fetches from the table what an index
    // that does not hold every attribute left out.
    private async Task<DynamoReadPage> CompleteAsync(DynamoReadPage page, DynamoItemPredicate? clientFilter, CancellationToken cancellationToken)
    {
        if (clientFilter != null)
        {
            var items = page.Items.Where(clientFilter.Matches).ToList();
            page = page with { Items = items, Count = items.Count };
        }

        if (_compiledRead.Plan.FetchFromTable && page.Items.Count > 0)
        {
            page = page with { Items = await FetchFromTableAsync(page.Items, cancellationToken).ConfigureAwait(false) };
        }

        return page;
    }

    // An index that does not hold every attribute returns keys and some attributes; the table has the rest.
    private async Task<List<Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>>> FetchFromTableAsync(
        List<Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>> indexItems,
        CancellationToken cancellationToken)
    {
        var entityType = _compiledRead.SelectExpression.EntityType;
        var keyAttributes = _compiledRead.TableKeyAttributeNames;
        var keys = indexItems.Select(item => keyAttributes.ToDictionary(a => a, a => item[a])).ToList();
        var reader = new DynamoBatchGetReader(
            _queryContext.TableNames.Resolve(entityType), keys, _compiledRead.SelectExpression.ReadOptions.ConsistentRead);

        var fullItems = new Dictionary<string, Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>>(StringComparer.Ordinal);
        while (reader.HasMorePages)
        {
            foreach (var item in (await reader.ReadPageAsync(_queryContext.Client, cancellationToken).ConfigureAwait(false)).Items)
            {
                fullItems[KeyText(item, keyAttributes)] = item;
            }
        }

        // In the index's order; an item deleted since the index was read is left out.
        return indexItems.Select(item => fullItems.GetValueOrDefault(KeyText(item, keyAttributes))).OfType<Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>>().ToList();
    }

    private static string KeyText(Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue> item, IReadOnlyList<string> keyAttributes)
        => string.Join("\u0001", keyAttributes.Select(a => Storage.Internal.DynamoAttributeValueFormatter.Format(item[a])));

    private async Task<List<DynamoReadPage>> ReadAllAsync(
        DynamoReadRequest request,
        DynamoItemPredicate? clientFilter,
        CancellationToken cancellationToken)
    {
        var pages = new List<DynamoReadPage>();
        var read = 0;
        while (request.HasMorePages && (_scanLimit == null || read < _scanLimit))
        {
            var page = await request.ReadPageAsync(_queryContext.Client, MaxItemsToRead(null, _scanLimit - read), cancellationToken)
                .ConfigureAwait(false);
            read += page.ScannedCount;
            pages.Add(await CompleteAsync(page, clientFilter, cancellationToken).ConfigureAwait(false));
        }

        return pages;
    }

    // DynamoDB's Limit counts items read: it may bound what is returned only when no filter drops items.
    private int? MaxItemsToRead(int? itemsStillWanted, int? itemsStillReadable)
    {
        int? max = _pageSize;
        if (!_compiledRead.HasFilter && itemsStillWanted is { } wanted)
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

using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     One rendered read: a <c>GetItem</c>, a <c>Query</c> or a <c>Scan</c> paged through <c>LastEvaluatedKey</c>, or
///     a <c>BatchGetItem</c> paged by 100 keys. Each call to <see cref="ReadPageAsync" /> reads one page.
/// </summary>
public sealed class DynamoReadRequest
{
    private readonly GetItemRequest? _getItem;
    private readonly QueryRequest? _query;
    private readonly ScanRequest? _scan;
    private readonly DynamoBatchGetReader? _batchGet;

    public DynamoReadRequest(GetItemRequest request) => _getItem = request;

    public DynamoReadRequest(QueryRequest request) => _query = request;

    public DynamoReadRequest(ScanRequest request) => _scan = request;

    public DynamoReadRequest(DynamoBatchGetReader batchGet) => _batchGet = batchGet;

    /// <summary>False once DynamoDB has said there is nothing more to read.</summary>
    public bool HasMorePages => _batchGet?.HasMorePages ?? _hasMorePages;

    private bool _hasMorePages = true;
    private string? _fingerprint;

    /// <summary>
    ///     What identifies this query for a continuation token: operation, table, index, expressions and values —
    ///     taken before any page is read, so the resume key and page limits do not change it.
    /// </summary>
    public string Fingerprint
    {
        get
        {
            if (_fingerprint == null)
            {
                var description = Describe();
                _fingerprint = string.Join(
                    "\n", description.Operation, description.TableName, description.IndexName, description.Expressions, description.FormatValues());
            }

            return _fingerprint;
        }
    }

    /// <summary>Resumes a Query or Scan after the given key (from a continuation token).</summary>
    public void StartAfter(Dictionary<string, AttributeValue> key)
    {
        if (_query != null)
        {
            _query.ExclusiveStartKey = key;
        }
        else if (_scan != null)
        {
            _scan.ExclusiveStartKey = key;
        }
    }

    public DynamoRequestDescription Describe()
        => _getItem != null ? DynamoRequestDescriber.Describe(_getItem)
            : _query != null ? DynamoRequestDescriber.Describe(_query)
            : _batchGet != null ? _batchGet.Describe()
            : DynamoRequestDescriber.Describe(_scan!);

    /// <summary>
    ///     Reads the next page. <paramref name="maxItemsToRead" /> bounds the items DynamoDB evaluates (its
    ///     <c>Limit</c>); it is left unset when a filter may drop items, so pages stay full.
    /// </summary>
    public async Task<DynamoReadPage> ReadPageAsync(IDynamoClientWrapper client, int? maxItemsToRead, CancellationToken cancellationToken)
    {
        if (_batchGet != null)
        {
            return await _batchGet.ReadPageAsync(client, cancellationToken).ConfigureAwait(false);
        }

        if (_getItem != null)
        {
            _hasMorePages = false;
            var response = await client.GetItemAsync(_getItem, cancellationToken).ConfigureAwait(false);
            return response.Item is { Count: > 0 } item ? new DynamoReadPage([item], 1, 1) : new DynamoReadPage([], 0, 0);
        }

        if (_query != null)
        {
            _query.Limit = maxItemsToRead;
            var response = await client.QueryAsync(_query, cancellationToken).ConfigureAwait(false);
            _query.ExclusiveStartKey = response.LastEvaluatedKey;
            _hasMorePages = response.LastEvaluatedKey is { Count: > 0 };
            return new DynamoReadPage(response.Items ?? [], response.Count ?? 0, response.ScannedCount ?? 0);
        }

        _scan!.Limit = maxItemsToRead;
        var scanResponse = await client.ScanAsync(_scan, cancellationToken).ConfigureAwait(false);
        _scan.ExclusiveStartKey = scanResponse.LastEvaluatedKey;
        _hasMorePages = scanResponse.LastEvaluatedKey is { Count: > 0 };
        return new DynamoReadPage(scanResponse.Items ?? [], scanResponse.Count ?? 0, scanResponse.ScannedCount ?? 0);
    }
}

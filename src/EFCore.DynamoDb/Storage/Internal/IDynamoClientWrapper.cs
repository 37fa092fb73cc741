using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     The one place that talks to <see cref="IAmazonDynamoDB" />. Every request asks for its consumed capacity
///     and is logged with it.
/// </summary>
public interface IDynamoClientWrapper
{
    IAmazonDynamoDB Client { get; }

    /// <summary>
    ///     Reads one page of <paramref name="command" />: a <c>GetItem</c>, a page of a <c>Query</c> or <c>Scan</c>, or
    ///     the next 100 keys of a <c>BatchGetItem</c>, whose unprocessed keys are sent again until every one is read.
    /// </summary>
    Task<DynamoReadPage> ReadAsync(DynamoReadCommand command, CancellationToken cancellationToken);

    Task<GetItemResponse> GetItemAsync(GetItemRequest request, CancellationToken cancellationToken);

    Task<PutItemResponse> PutItemAsync(PutItemRequest request, CancellationToken cancellationToken);

    Task<UpdateItemResponse> UpdateItemAsync(UpdateItemRequest request, CancellationToken cancellationToken);

    Task<DeleteItemResponse> DeleteItemAsync(DeleteItemRequest request, CancellationToken cancellationToken);

    Task<TransactWriteItemsResponse> TransactWriteItemsAsync(TransactWriteItemsRequest request, CancellationToken cancellationToken);

    Task<BatchWriteItemResponse> BatchWriteItemAsync(BatchWriteItemRequest request, CancellationToken cancellationToken);

    /// <summary>Describes a table, or returns <see langword="null" /> when it does not exist.</summary>
    Task<TableDescription?> DescribeTableAsync(string tableName, CancellationToken cancellationToken);

    Task<TableDescription> CreateTableAsync(CreateTableRequest request, CancellationToken cancellationToken);

    /// <summary>Deletes a table; returns <see langword="false" /> when it did not exist.</summary>
    Task<bool> DeleteTableAsync(string tableName, CancellationToken cancellationToken);

    Task<TableDescription> UpdateTableAsync(UpdateTableRequest request, CancellationToken cancellationToken);

    Task<TimeToLiveDescription> DescribeTimeToLiveAsync(string tableName, CancellationToken cancellationToken);

    Task UpdateTimeToLiveAsync(UpdateTimeToLiveRequest request, CancellationToken cancellationToken);

    /// <summary>Asks for one table name: whether the endpoint answers.</summary>
    Task ListTablesAsync(CancellationToken cancellationToken);

    /// <summary>Waits <paramref name="delay" /> before a batch request is sent again, and logs that it will be.</summary>
    Task BackOffAsync(string operation, TimeSpan delay, CancellationToken cancellationToken);
}

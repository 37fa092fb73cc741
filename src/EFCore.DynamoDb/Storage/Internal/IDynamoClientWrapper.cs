using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     The one place that talks to <see cref="IAmazonDynamoDB" />. Every request is logged; a read or write asks for its
///     consumed capacity when it is tracked (<c>TrackConsumedCapacity()</c>) or logged, and adds it to the context's sum.
/// </summary>
public interface IDynamoClientWrapper
{
    /// <summary>The client requests go to: one the application registered, or the provider's own.</summary>
    IAmazonDynamoDB Client { get; }

    /// <summary>
    ///     Reads one page of <paramref name="command" />: a <c>GetItem</c>, a page of a <c>Query</c> or <c>Scan</c>, or
    ///     the next 100 keys of a <c>BatchGetItem</c>, whose unprocessed keys are sent again until every one is read.
    /// </summary>
    Task<DynamoReadPage> ReadAsync(DynamoReadCommand command, CancellationToken cancellationToken);

    /// <summary>
    ///     Sends one write. A failed condition throws <see cref="DynamoConditionFailedException" />, any other refusal that a
    ///     retry would not change <see cref="DynamoRequestFailedException" />; transient failures are the SDK's, for the
    ///     execution strategy.
    /// </summary>
    /// <returns>The attributes the write updated, when it asked for them (<see cref="DynamoWriteCommand.ReturnUpdatedAttributes" />).</returns>
    Task<Dictionary<string, AttributeValue>?> WriteAsync(DynamoWriteCommand command, CancellationToken cancellationToken);

    /// <summary>
    ///     Sends one PartiQL statement that writes (<c>INSERT</c>, <c>UPDATE</c>, <c>DELETE</c>) to <paramref name="tableName" />
    ///     as one <c>ExecuteStatement</c>, once; fails as <see cref="WriteAsync" />.
    /// </summary>
    /// <returns>The items the statement returned (<c>RETURNING</c>); empty when it returns none.</returns>
    Task<List<Dictionary<string, AttributeValue>>> WriteStatementAsync(
        string tableName,
        string statement,
        List<AttributeValue> parameters,
        CancellationToken cancellationToken);

    /// <summary>
    ///     Sends the writes as one <c>TransactWriteItems</c>, applied all or none; the client request token makes DynamoDB
    ///     apply it once however often it is sent. Failures as for <see cref="WriteAsync" />, a failed condition naming every
    ///     command whose condition failed.
    /// </summary>
    Task WriteTransactionAsync(IReadOnlyList<DynamoWriteCommand> commands, string clientRequestToken, CancellationToken cancellationToken);

    /// <summary>
    ///     Sends unconditional puts and deletes, at most <see cref="DynamoWriteCommandRequests.MaxBatchWriteRequests" />, as
    ///     one <c>BatchWriteItem</c>, and what DynamoDB leaves unprocessed again, with backoff, until every one is written
    ///     (<see cref="DynamoUnprocessedRequests" />); throws <see cref="DynamoUnprocessedItemsException" /> when some are
    ///     still left, and otherwise fails as <see cref="WriteAsync" />.
    /// </summary>
    Task WriteBatchAsync(IReadOnlyList<DynamoWriteCommand> commands, CancellationToken cancellationToken);

    /// <summary>
    ///     Reads the given attributes of an item consistently: what the atomic operations of a transaction, which returns
    ///     no values, computed. Any error DynamoDB answers, transient or not, throws
    ///     <see cref="DynamoRequestFailedException" />: the transaction committed, so it must not be retried with its save.
    /// </summary>
    Task<Dictionary<string, AttributeValue>?> ReadBackAsync(
        string tableName,
        Dictionary<string, AttributeValue> key,
        IReadOnlyList<string> attributeNames,
        CancellationToken cancellationToken);

    /// <summary>Describes a table, or returns <see langword="null" /> when it does not exist.</summary>
    Task<TableDescription?> DescribeTableAsync(string tableName, CancellationToken cancellationToken);

    /// <summary>
    ///     Creates a table and returns its description; a retry after a lost answer returns the table the first attempt
    ///     created.
    /// </summary>
    Task<TableDescription> CreateTableAsync(CreateTableRequest request, CancellationToken cancellationToken);

    /// <summary>Deletes a table; returns <see langword="false" /> when it did not exist.</summary>
    Task<bool> DeleteTableAsync(string tableName, CancellationToken cancellationToken);

    /// <summary>Sends one <c>UpdateTable</c>: billing, throughput, or one global index added.</summary>
    Task<TableDescription> UpdateTableAsync(UpdateTableRequest request, CancellationToken cancellationToken);

    /// <summary>The time-to-live settings of a table.</summary>
    Task<TimeToLiveDescription> DescribeTimeToLiveAsync(string tableName, CancellationToken cancellationToken);

    /// <summary>Sends one <c>UpdateTimeToLive</c>: time to live enabled on the model's attribute.</summary>
    Task UpdateTimeToLiveAsync(UpdateTimeToLiveRequest request, CancellationToken cancellationToken);

    /// <summary>Asks for one table name: whether the endpoint answers.</summary>
    Task ListTablesAsync(CancellationToken cancellationToken);

    /// <summary>Waits <paramref name="delay" /> before a batch request is sent again, and logs that it will be.</summary>
    Task BackOffAsync(string operation, TimeSpan delay, CancellationToken cancellationToken);
}

using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>Every kind of request <see cref="DynamoClientWrapper" /> sends.</summary>
public static class DynamoRequestKinds
{
    /// <summary><c>GetItem</c>.</summary>
    public static readonly DynamoRequestKind<GetItemRequest, GetItemResponse> GetItem = new(
        isWrite: false, static (c, r, ct) => c.GetItemAsync(r, ct), DynamoRequestDescriber.Describe, static r => r.ConsumedCapacity?.CapacityUnits);

    /// <summary><c>Query</c>: one page.</summary>
    public static readonly DynamoRequestKind<QueryRequest, QueryResponse> Query = new(
        isWrite: false, static (c, r, ct) => c.QueryAsync(r, ct), DynamoRequestDescriber.Describe, static r => r.ConsumedCapacity?.CapacityUnits);

    /// <summary><c>Scan</c>: one page.</summary>
    public static readonly DynamoRequestKind<ScanRequest, ScanResponse> Scan = new(
        isWrite: false, static (c, r, ct) => c.ScanAsync(r, ct), DynamoRequestDescriber.Describe, static r => r.ConsumedCapacity?.CapacityUnits);

    /// <summary><c>BatchGetItem</c>: at most 100 keys.</summary>
    public static readonly DynamoRequestKind<BatchGetItemRequest, BatchGetItemResponse> BatchGetItem = new(
        isWrite: false, static (c, r, ct) => c.BatchGetItemAsync(r, ct), DynamoRequestDescriber.Describe, static r => Sum(r.ConsumedCapacity));

    /// <summary>A PartiQL statement that reads, with the table it reads (for its description).</summary>
    public static readonly DynamoRequestKind<(ExecuteStatementRequest Request, string TableName), ExecuteStatementResponse> ReadStatement
        = Statement(isWrite: false);

    /// <summary>A PartiQL statement that writes, with the table it writes.</summary>
    public static readonly DynamoRequestKind<(ExecuteStatementRequest Request, string TableName), ExecuteStatementResponse> WriteStatement
        = Statement(isWrite: true);

    /// <summary><c>PutItem</c>.</summary>
    public static readonly DynamoRequestKind<PutItemRequest, PutItemResponse> PutItem = new(
        isWrite: true, static (c, r, ct) => c.PutItemAsync(r, ct), DynamoRequestDescriber.Describe, static r => r.ConsumedCapacity?.CapacityUnits);

    /// <summary><c>UpdateItem</c>.</summary>
    public static readonly DynamoRequestKind<UpdateItemRequest, UpdateItemResponse> UpdateItem = new(
        isWrite: true, static (c, r, ct) => c.UpdateItemAsync(r, ct), DynamoRequestDescriber.Describe, static r => r.ConsumedCapacity?.CapacityUnits);

    /// <summary><c>DeleteItem</c>.</summary>
    public static readonly DynamoRequestKind<DeleteItemRequest, DeleteItemResponse> DeleteItem = new(
        isWrite: true, static (c, r, ct) => c.DeleteItemAsync(r, ct), DynamoRequestDescriber.Describe, static r => r.ConsumedCapacity?.CapacityUnits);

    /// <summary><c>TransactWriteItems</c>.</summary>
    public static readonly DynamoRequestKind<TransactWriteItemsRequest, TransactWriteItemsResponse> TransactWriteItems = new(
        isWrite: true, static (c, r, ct) => c.TransactWriteItemsAsync(r, ct), DynamoRequestDescriber.Describe, static r => Sum(r.ConsumedCapacity));

    /// <summary><c>BatchWriteItem</c>: at most 25 writes.</summary>
    public static readonly DynamoRequestKind<BatchWriteItemRequest, BatchWriteItemResponse> BatchWriteItem = new(
        isWrite: true, static (c, r, ct) => c.BatchWriteItemAsync(r, ct), DynamoRequestDescriber.Describe, static r => Sum(r.ConsumedCapacity));

    /// <summary><c>DescribeTable</c> of the named table.</summary>
    public static readonly DynamoRequestKind<string, DescribeTableResponse> DescribeTable = new(
        static (c, table, ct) => c.DescribeTableAsync(new DescribeTableRequest { TableName = table }, ct),
        static table => new DynamoRequestDescription("DescribeTable", table, null, ""));

    /// <summary><c>CreateTable</c>.</summary>
    public static readonly DynamoRequestKind<CreateTableRequest, CreateTableResponse> CreateTable = new(
        static (c, r, ct) => c.CreateTableAsync(r, ct), DynamoRequestDescriber.Describe);

    /// <summary><c>DeleteTable</c> of the named table.</summary>
    public static readonly DynamoRequestKind<string, DeleteTableResponse> DeleteTable = new(
        static (c, table, ct) => c.DeleteTableAsync(new DeleteTableRequest { TableName = table }, ct),
        static table => new DynamoRequestDescription("DeleteTable", table, null, ""));

    /// <summary><c>UpdateTable</c>.</summary>
    public static readonly DynamoRequestKind<UpdateTableRequest, UpdateTableResponse> UpdateTable = new(
        static (c, r, ct) => c.UpdateTableAsync(r, ct), DynamoRequestDescriber.Describe);

    /// <summary><c>DescribeTimeToLive</c> of the named table.</summary>
    public static readonly DynamoRequestKind<string, DescribeTimeToLiveResponse> DescribeTimeToLive = new(
        static (c, table, ct) => c.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = table }, ct),
        static table => new DynamoRequestDescription("DescribeTimeToLive", table, null, ""));

    /// <summary><c>UpdateTimeToLive</c>.</summary>
    public static readonly DynamoRequestKind<UpdateTimeToLiveRequest, UpdateTimeToLiveResponse> UpdateTimeToLive = new(
        static (c, r, ct) => c.UpdateTimeToLiveAsync(r, ct), DynamoRequestDescriber.Describe);

    /// <summary><c>ListTables</c> of one table name: whether the endpoint answers.</summary>
    public static readonly DynamoRequestKind<ListTablesRequest, ListTablesResponse> ListTables = new(
        static (c, r, ct) => c.ListTablesAsync(r, ct), static _ => new DynamoRequestDescription("ListTables", "", null, ""));

    private static DynamoRequestKind<(ExecuteStatementRequest Request, string TableName), ExecuteStatementResponse> Statement(bool isWrite)
        => new(
            isWrite,
            static (c, s, ct) => c.ExecuteStatementAsync(s.Request, ct),
            static s => DynamoRequestDescriber.Describe(s.Request, s.TableName),
            static r => r.ConsumedCapacity?.CapacityUnits);

    // Multi-table requests report one capacity per table.
    private static double? Sum(List<ConsumedCapacity>? capacities)
        => capacities is { Count: > 0 } ? capacities.Sum(c => c.CapacityUnits ?? 0) : null;
}

using System.Diagnostics;
using System.Net.Http;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Diagnostics.Internal;
using EFCore.DynamoDb.Infrastructure.Internal;

namespace EFCore.DynamoDb.Storage.Internal;

/// <inheritdoc />
public class DynamoClientWrapper : IDynamoClientWrapper
{
    private readonly IDiagnosticsLogger<DbLoggerCategory.Database.Command> _logger;
    private readonly DynamoConsumedCapacity _consumedCapacity;
    private readonly IExecutionStrategyFactory _executionStrategyFactory;
    private readonly bool _trackConsumedCapacity;
    private IExecutionStrategy? _idleStrategy;

    /// <summary>
    ///     Creates the wrapper over the client from <c>UseDynamoDb</c>'s connection settings, else the application's
    ///     registered <see cref="IAmazonDynamoDB" />, else one built with the SDK's defaults.
    /// </summary>
    public DynamoClientWrapper(
        IDbContextOptions options,
        IDynamoClientProvider clientProvider,
        IDiagnosticsLogger<DbLoggerCategory.Database.Command> logger,
        DynamoConsumedCapacity consumedCapacity,
        IExecutionStrategyFactory executionStrategyFactory,
        IExecutionStrategy executionStrategy)
    {
        _logger = logger;
        _consumedCapacity = consumedCapacity;
        _executionStrategyFactory = executionStrategyFactory;
        // The context's own strategy, which EF Core creates for every context, so that the first read creates none. Its
        // saves, ExecuteUpdate and ExecutePartiQL run under it too: a read inside one of them is nested, and EF Core's
        // strategies then run it directly, touching nothing of the operation's state. A strategy of another kind might
        // keep such state, so it is not shared.
        _idleStrategy = executionStrategy as ExecutionStrategy;
        _trackConsumedCapacity = options.FindExtension<DynamoDbOptionsExtension>()?.TrackConsumedCapacity == true;

        // Connection settings in UseDynamoDb win; otherwise a client the application registered is used,
        // such as the one from AWSSDK.Extensions.NETCore.Setup; otherwise the SDK's defaults apply.
        var hasConnectionSettings = options.FindExtension<DynamoDbOptionsExtension>()?.HasConnectionSettings == true;
        var applicationClient = hasConnectionSettings
            ? null
            : options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(IAmazonDynamoDB)) as IAmazonDynamoDB;
        Client = applicationClient ?? clientProvider.Client;
    }

    /// <inheritdoc />
    public virtual IAmazonDynamoDB Client { get; }

    /// <inheritdoc />
    public virtual async Task<DynamoReadPage> ReadAsync(DynamoReadCommand command, CancellationToken cancellationToken)
    {
        // A request is sent under a strategy leased here, not in a further asynchronous method around each request: one
        // layer fewer per read. The requests of a BatchGetItem's loop, sent one after another, share it.
        var strategy = LeaseStrategy();
        try
        {
            switch (command.Operation)
            {
                case DynamoReadOperation.GetItem:
                {
                    var response = await GetItemAsync(DynamoReadRequests.ToGetItemRequest(command), strategy, cancellationToken).ConfigureAwait(false);
                    return response.Item is { Count: > 0 } item ? new DynamoReadPage([item], 1, 1, null) : new DynamoReadPage([], 0, 0, null);
                }

                case DynamoReadOperation.BatchGetItem:
                    return await ReadBatchAsync(command, strategy, cancellationToken).ConfigureAwait(false);

                case DynamoReadOperation.Query:
                {
                    var response = await QueryAsync(DynamoReadRequests.ToQueryRequest(command), strategy, cancellationToken).ConfigureAwait(false);
                    return new DynamoReadPage(
                        response.Items ?? [], response.Count ?? 0, response.ScannedCount ?? 0, ResumeAfter(command, response.LastEvaluatedKey));
                }

                case DynamoReadOperation.ExecuteStatement:
                {
                    var response = await ExecuteStatementAsync(
                            DynamoReadRequests.ToExecuteStatementRequest(command), command.TableName, isWrite: false, strategy, cancellationToken)
                        .ConfigureAwait(false);
                    var items = response.Items ?? [];
                    return new DynamoReadPage(items, items.Count, items.Count, response.NextToken is { } token ? command with { NextToken = token } : null);
                }

                default:
                {
                    var response = await ScanAsync(DynamoReadRequests.ToScanRequest(command), strategy, cancellationToken).ConfigureAwait(false);
                    return new DynamoReadPage(
                        response.Items ?? [], response.Count ?? 0, response.ScannedCount ?? 0, ResumeAfter(command, response.LastEvaluatedKey));
                }
            }
        }
        catch (AmazonDynamoDBException exception) when (!DynamoExecutionStrategy.IsTransient(exception))
        {
            throw DynamoReadFailures.Translate(command, exception);
        }
        finally
        {
            ReturnStrategy(strategy);
        }
    }

    private async Task<DynamoReadPage> ReadBatchAsync(DynamoReadCommand command, IExecutionStrategy strategy, CancellationToken cancellationToken)
    {
        var keys = DynamoReadRequests.FirstBatch(command);
        var items = new List<Dictionary<string, AttributeValue>>(keys.Count);
        await DynamoUnprocessedRequests.SendUntilProcessedAsync(new BatchGet(this, command, items, strategy), keys, cancellationToken)
            .ConfigureAwait(false);
        var next = command.Keys!.Count > DynamoReadRequests.MaxKeysPerBatchGet
            ? command with { Keys = command.Keys.Skip(DynamoReadRequests.MaxKeysPerBatchGet).ToList() }
            : null;
        return new DynamoReadPage(items, items.Count, items.Count, next);
    }

    // DynamoDB returns a last evaluated key while there may be more to read.
    private static DynamoReadCommand? ResumeAfter(DynamoReadCommand command, Dictionary<string, AttributeValue>? lastEvaluatedKey)
        => lastEvaluatedKey is { Count: > 0 } ? command with { StartKey = lastEvaluatedKey } : null;

    // Sent under the execution strategy and logged with its consumed capacity, as every read.
    private Task<GetItemResponse> GetItemAsync(GetItemRequest request, IExecutionStrategy? strategy, CancellationToken cancellationToken)
    {
        request.ReturnConsumedCapacity = CapacityToReturn();
        return SendAsync(DynamoRequestKinds.GetItem, request, strategy, cancellationToken);
    }

    private Task<QueryResponse> QueryAsync(QueryRequest request, IExecutionStrategy strategy, CancellationToken cancellationToken)
    {
        request.ReturnConsumedCapacity = CapacityToReturn();
        return SendAsync(DynamoRequestKinds.Query, request, strategy, cancellationToken);
    }

    private Task<ScanResponse> ScanAsync(ScanRequest request, IExecutionStrategy strategy, CancellationToken cancellationToken)
    {
        request.ReturnConsumedCapacity = CapacityToReturn();
        return SendAsync(DynamoRequestKinds.Scan, request, strategy, cancellationToken);
    }

    private Task<BatchGetItemResponse> BatchGetItemAsync(BatchGetItemRequest request, IExecutionStrategy strategy, CancellationToken cancellationToken)
    {
        request.ReturnConsumedCapacity = CapacityToReturn();
        return SendAsync(DynamoRequestKinds.BatchGetItem, request, strategy, cancellationToken);
    }

    // A write statement is sent once: the execution strategy of its caller retries it, as ExecuteUpdate's writes.
    /// <inheritdoc />
    public virtual async Task<List<Dictionary<string, AttributeValue>>> WriteStatementAsync(
        string tableName,
        string statement,
        List<AttributeValue> parameters,
        CancellationToken cancellationToken)
    {
        var request = new ExecuteStatementRequest { Statement = statement, Parameters = parameters is { Count: > 0 } ? parameters : null };
        return (await DynamoWriteFailures.TranslateAsync(ExecuteStatementAsync(request, tableName, isWrite: true, strategy: null, cancellationToken)).ConfigureAwait(false))
            .Items ?? [];
    }

    private Task<ExecuteStatementResponse> ExecuteStatementAsync(
        ExecuteStatementRequest request,
        string tableName,
        bool isWrite,
        IExecutionStrategy? strategy,
        CancellationToken cancellationToken)
    {
        request.ReturnConsumedCapacity = CapacityToReturn();
        return SendAsync(
            isWrite ? DynamoRequestKinds.WriteStatement : DynamoRequestKinds.ReadStatement, (request, tableName), strategy, cancellationToken);
    }

    /// <inheritdoc />
    public virtual async Task<Dictionary<string, AttributeValue>?> WriteAsync(DynamoWriteCommand command, CancellationToken cancellationToken)
    {
        // The request is awaited here, not through DynamoWriteFailures.TranslateAsync: one async layer fewer per write.
        try
        {
            switch (command.Kind)
            {
                case DynamoWriteCommandKind.Put:
                    await PutItemAsync(DynamoWriteCommandRequests.ToPutItemRequest(command), cancellationToken).ConfigureAwait(false);
                    return null;
                case DynamoWriteCommandKind.Delete:
                    await DeleteItemAsync(DynamoWriteCommandRequests.ToDeleteItemRequest(command), cancellationToken).ConfigureAwait(false);
                    return null;
                default:
                    return (await UpdateItemAsync(DynamoWriteCommandRequests.ToUpdateItemRequest(command), cancellationToken).ConfigureAwait(false))
                        .Attributes;
            }
        }
        catch (AmazonDynamoDBException exception) when (DynamoWriteFailures.Translate(exception) is { } translated)
        {
            throw translated;
        }
    }

    /// <inheritdoc />
    public virtual Task WriteTransactionAsync(
        IReadOnlyList<DynamoWriteCommand> commands,
        string clientRequestToken,
        CancellationToken cancellationToken)
        => DynamoWriteFailures.TranslateAsync(
            TransactWriteItemsAsync(DynamoWriteCommandRequests.ToTransactWriteItemsRequest(commands, clientRequestToken), cancellationToken));

    // A throttled batch wrote nothing: it is sent again like unprocessed items, and past the last attempt the throttling
    // goes to the execution strategy.
    /// <inheritdoc />
    public virtual Task WriteBatchAsync(IReadOnlyList<DynamoWriteCommand> commands, CancellationToken cancellationToken)
        => DynamoUnprocessedRequests.SendUntilProcessedAsync(
            new BatchWrite(this), DynamoWriteCommandRequests.ToBatchWriteItems(commands), cancellationToken);

    /// <inheritdoc />
    public virtual async Task<Dictionary<string, AttributeValue>?> ReadBackAsync(
        string tableName,
        Dictionary<string, AttributeValue> key,
        IReadOnlyList<string> attributeNames,
        CancellationToken cancellationToken)
    {
        try
        {
            return (await GetItemAsync(DynamoWriteCommandRequests.ToReadBackRequest(tableName, key, attributeNames), strategy: null, cancellationToken)
                    .ConfigureAwait(false))
                .Item;
        }
        catch (AmazonDynamoDBException exception)
        {
            throw new DynamoRequestFailedException(exception);
        }
    }

    /// <inheritdoc />
    public virtual async Task<TableDescription?> DescribeTableAsync(string tableName, CancellationToken cancellationToken)
    {
        try
        {
            var response = await RetriedAsync(
                    (Wrapper: this, TableName: tableName),
                    static (s, ct) => s.Wrapper.SendOnceAsync(DynamoRequestKinds.DescribeTable, s.TableName, ct, missingIsAnswer: true),
                    cancellationToken)
                .ConfigureAwait(false);
            return response.Table;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    // Retried while the table does not exist: "already in use" on a later attempt means an earlier one, whose answer
    // was lost, created it.
    /// <inheritdoc />
    public virtual async Task<TableDescription> CreateTableAsync(CreateTableRequest request, CancellationToken cancellationToken)
    {
        var attempts = 0;
        var created = await RetriedAsync(
                async ct =>
                {
                    try
                    {
                        attempts++;
                        return (await SendOnceAsync(DynamoRequestKinds.CreateTable, request, ct).ConfigureAwait(false)).TableDescription;
                    }
                    catch (ResourceInUseException) when (attempts > 1)
                    {
                        return null;
                    }
                },
                cancellationToken)
            .ConfigureAwait(false);
        return created ?? (await DescribeTableAsync(request.TableName, cancellationToken).ConfigureAwait(false))!;
    }

    // Retried; "not found" on a later attempt means an earlier one, whose answer was lost, deleted the table.
    /// <inheritdoc />
    public virtual Task<bool> DeleteTableAsync(string tableName, CancellationToken cancellationToken)
    {
        var attempts = 0;
        return RetriedAsync(
            async ct =>
            {
                try
                {
                    attempts++;
                    await SendOnceAsync(DynamoRequestKinds.DeleteTable, tableName, ct, missingIsAnswer: true).ConfigureAwait(false);
                    return true;
                }
                catch (ResourceNotFoundException)
                {
                    return attempts > 1;
                }
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public virtual async Task<TableDescription> UpdateTableAsync(UpdateTableRequest request, CancellationToken cancellationToken)
    {
        var response = await SendOnceAsync(DynamoRequestKinds.UpdateTable, request, cancellationToken).ConfigureAwait(false);
        return response.TableDescription;
    }

    /// <inheritdoc />
    public virtual async Task<TimeToLiveDescription> DescribeTimeToLiveAsync(string tableName, CancellationToken cancellationToken)
    {
        var response = await RetriedAsync(
                (Wrapper: this, TableName: tableName),
                static (s, ct) => s.Wrapper.SendOnceAsync(DynamoRequestKinds.DescribeTimeToLive, s.TableName, ct),
                cancellationToken)
            .ConfigureAwait(false);
        return response.TimeToLiveDescription;
    }

    // Retried; a later attempt first asks whether an earlier one, whose answer was lost, enabled it: DynamoDB refuses to
    // enable a time to live twice.
    /// <inheritdoc />
    public virtual Task UpdateTimeToLiveAsync(UpdateTimeToLiveRequest request, CancellationToken cancellationToken)
    {
        var attempts = 0;
        return RetriedAsync(
            async ct =>
            {
                if (attempts++ > 0
                    && await DescribeTimeToLiveAsync(request.TableName, ct).ConfigureAwait(false) is { } current
                    && current.AttributeName == request.TimeToLiveSpecification.AttributeName
                    && (current.TimeToLiveStatus == TimeToLiveStatus.ENABLED || current.TimeToLiveStatus == TimeToLiveStatus.ENABLING))
                {
                    return true;
                }

                await SendOnceAsync(DynamoRequestKinds.UpdateTimeToLive, request, ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    // Not retried: a connection check answers once.
    /// <inheritdoc />
    public virtual Task ListTablesAsync(CancellationToken cancellationToken)
        => SendOnceAsync(DynamoRequestKinds.ListTables, new ListTablesRequest { Limit = 1 }, cancellationToken);

    /// <inheritdoc />
    public virtual Task BackOffAsync(string operation, TimeSpan delay, CancellationToken cancellationToken)
    {
        _logger.BatchRetrying(operation, delay);
        return Task.Delay(delay, cancellationToken);
    }

    private Task<PutItemResponse> PutItemAsync(PutItemRequest request, CancellationToken cancellationToken)
    {
        request.ReturnConsumedCapacity = CapacityToReturn();
        return SendAsync(DynamoRequestKinds.PutItem, request, strategy: null, cancellationToken);
    }

    private Task<UpdateItemResponse> UpdateItemAsync(UpdateItemRequest request, CancellationToken cancellationToken)
    {
        request.ReturnConsumedCapacity = CapacityToReturn();
        return SendAsync(DynamoRequestKinds.UpdateItem, request, strategy: null, cancellationToken);
    }

    private Task<DeleteItemResponse> DeleteItemAsync(DeleteItemRequest request, CancellationToken cancellationToken)
    {
        request.ReturnConsumedCapacity = CapacityToReturn();
        return SendAsync(DynamoRequestKinds.DeleteItem, request, strategy: null, cancellationToken);
    }

    private Task<TransactWriteItemsResponse> TransactWriteItemsAsync(TransactWriteItemsRequest request, CancellationToken cancellationToken)
    {
        request.ReturnConsumedCapacity = CapacityToReturn();
        return SendAsync(DynamoRequestKinds.TransactWriteItems, request, strategy: null, cancellationToken);
    }

    private Task<BatchWriteItemResponse> BatchWriteItemAsync(BatchWriteItemRequest request, CancellationToken cancellationToken)
    {
        request.ReturnConsumedCapacity = CapacityToReturn();
        return SendAsync(DynamoRequestKinds.BatchWriteItem, request, strategy: null, cancellationToken);
    }

    // DynamoDB measures and returns the capacity only when asked: when it is tracked, or logged with the request. Otherwise
    // the field is left out (DynamoDB's default is NONE): the SDK then neither converts nor writes it.
    private ReturnConsumedCapacity? CapacityToReturn()
        => _trackConsumedCapacity || _logger.LogsRequestsExecuted() ? ReturnConsumedCapacity.TOTAL : null;

    // A read or write request: its capacity is added to the context's sum. A read is retried on its own by the execution
    // strategy (reading again changes nothing), the one its caller leased or one leased for it; writes are retried with
    // their whole SaveChanges, which already runs under the strategy, or, for ExecuteUpdate and ExecuteDelete, item by item
    // by their executor.
    private Task<TResponse> SendAsync<TRequest, TResponse>(
        DynamoRequestKind<TRequest, TResponse> kind,
        TRequest request,
        IExecutionStrategy? strategy,
        CancellationToken cancellationToken)
        => kind.IsWrite
            ? SendOnceAsync(kind, request, cancellationToken)
            : strategy != null
                ? SendUnderAsync(strategy, kind, request, cancellationToken)
                : RetriedAsync(
                    (Wrapper: this, Kind: kind, Request: request),
                    static (s, ct) => s.Wrapper.SendOnceAsync(s.Kind, s.Request, ct),
                    cancellationToken);

    // The attempt is a static lambda given its state, so that a retried request allocates no closure.
    private Task<TResponse> SendUnderAsync<TRequest, TResponse>(
        IExecutionStrategy strategy,
        DynamoRequestKind<TRequest, TResponse> kind,
        TRequest request,
        CancellationToken cancellationToken)
        => strategy.ExecuteAsync(
            (Wrapper: this, Kind: kind, Request: request),
            static (_, s, ct) => s.Wrapper.SendOnceAsync(s.Kind, s.Request, ct),
            verifySucceeded: null,
            cancellationToken);

    // Under the execution strategy; inside an operation already under it (a read-back in SaveChanges) EF runs it directly.
    private async Task<TResponse> RetriedAsync<TState, TResponse>(
        TState state,
        Func<TState, CancellationToken, Task<TResponse>> attempt,
        CancellationToken cancellationToken)
    {
        var strategy = LeaseStrategy();
        try
        {
            return await strategy.ExecuteAsync(
                    (State: state, Attempt: attempt), static (_, s, ct) => s.Attempt(s.State, ct), verifySucceeded: null, cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            ReturnStrategy(strategy);
        }
    }

    // One strategy serves the context's reads one after another, so that a read does not create one (EF's base class
    // allocates a list and a seeded Random for each); a read that overlaps another, such as a parallel scan's segments,
    // gets its own, because a strategy counts the attempts of one operation at a time.
    private IExecutionStrategy LeaseStrategy() => Interlocked.Exchange(ref _idleStrategy, null) ?? _executionStrategyFactory.Create();

    private void ReturnStrategy(IExecutionStrategy strategy) => _idleStrategy = strategy;

    private Task<TResponse> RetriedAsync<TResponse>(Func<CancellationToken, Task<TResponse>> attempt, CancellationToken cancellationToken)
        => RetriedAsync(attempt, static (a, ct) => a(ct), cancellationToken);

    // Sends the request once and logs it; a read or write adds its consumed capacity to the context's sum. The request is
    // described only when a logger or listener wants the event: describing formats every expression.
    private async Task<TResponse> SendOnceAsync<TRequest, TResponse>(
        DynamoRequestKind<TRequest, TResponse> kind,
        TRequest request,
        CancellationToken cancellationToken,
        bool missingIsAnswer = false)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await kind.Send(Client, request, cancellationToken).ConfigureAwait(false);
            double? units = null;
            if (kind.ConsumedCapacity is { } consumedCapacity)
            {
                units = consumedCapacity(response);
                _consumedCapacity.Add(kind.IsWrite, units);
            }

            _logger.RequestExecuted(kind.Describe, request, units, Stopwatch.GetElapsedTime(started));
            return response;
        }
        catch (ResourceNotFoundException) when (missingIsAnswer)
        {
            // DescribeTable and DeleteTable answer "no such table" with an error; for them it is an answer, not a failure.
            _logger.RequestExecuted(kind.Describe, request, null, Stopwatch.GetElapsedTime(started));
            throw;
        }
        catch (AmazonDynamoDBException exception)
        {
            _logger.RequestFailed(kind.Describe, request, Stopwatch.GetElapsedTime(started), exception);
            throw;
        }
        catch (Exception exception) when (DynamoTransportFailures.IsUnreachable(exception))
        {
            _logger.RequestFailed(kind.Describe, request, Stopwatch.GetElapsedTime(started), exception);
            // Still an HttpRequestException, so code that handles the SDK's (CanConnect among it) keeps working.
            throw new HttpRequestException(
                HttpRequestError.ConnectionError, DynamoStrings.EndpointUnreachable(Endpoint, exception.Message), exception);
        }
        catch (TimeoutException exception)
        {
            _logger.RequestFailed(kind.Describe, request, Stopwatch.GetElapsedTime(started), exception);
            throw new TimeoutException(DynamoStrings.RequestTimedOut(Endpoint, kind.Describe(request).Operation), exception);
        }
        catch (Exception exception) when (DynamoTransportFailures.IsAnswerLost(exception))
        {
            _logger.RequestFailed(kind.Describe, request, Stopwatch.GetElapsedTime(started), exception);
            throw;
        }
    }

    // The BatchGetItem of one command's keys: what each answer found is added to the items. A value, as the other batch,
    // so that the unprocessed keys' loop allocates no closure nor delegates.
    private readonly struct BatchGet(
        DynamoClientWrapper wrapper,
        DynamoReadCommand command,
        List<Dictionary<string, AttributeValue>> items,
        IExecutionStrategy strategy) : IDynamoBatchOperation<List<Dictionary<string, AttributeValue>>>
    {
        private readonly DynamoClientWrapper _wrapper = wrapper;
        private readonly DynamoReadCommand _command = command;
        private readonly List<Dictionary<string, AttributeValue>> _items = items;
        private readonly IExecutionStrategy _strategy = strategy;

        public int Count(List<Dictionary<string, AttributeValue>> pending) => pending.Count;

        public async Task<List<Dictionary<string, AttributeValue>>> SendAsync(
            List<Dictionary<string, AttributeValue>> pending,
            CancellationToken cancellationToken)
        {
            var tableName = _command.TableName;
            var response = await _wrapper.BatchGetItemAsync(DynamoReadRequests.ToBatchGetItemRequest(_command, pending), _strategy, cancellationToken)
                .ConfigureAwait(false);
            foreach (var (table, keys) in response.UnprocessedKeys ?? [])
            {
                _wrapper._logger.UnprocessedItems(table, keys.Keys?.Count ?? 0);
            }

            if (response.Responses?.TryGetValue(tableName, out var found) == true)
            {
                _items.AddRange(found);
            }

            return response.UnprocessedKeys?.TryGetValue(tableName, out var unprocessed) == true ? unprocessed.Keys : [];
        }

        public Task BackOffAsync(TimeSpan delay, CancellationToken cancellationToken) => _wrapper.BackOffAsync("BatchGetItem", delay, cancellationToken);

        // A throttled read is retried by the execution strategy, request by request.
        public bool IsRefusedWhole(Exception exception) => false;

        public Exception Exhausted(int left, int attempts)
            => new InvalidOperationException(DynamoStrings.UnprocessedKeysRemain(_command.TableName, left, attempts));
    }

    // The BatchWriteItem of unconditional puts and deletes, by table.
    private readonly struct BatchWrite(DynamoClientWrapper wrapper) : IDynamoBatchOperation<Dictionary<string, List<WriteRequest>>>
    {
        private readonly DynamoClientWrapper _wrapper = wrapper;

        public int Count(Dictionary<string, List<WriteRequest>> pending) => DynamoWriteCommandRequests.CountWriteRequests(pending);

        public async Task<Dictionary<string, List<WriteRequest>>> SendAsync(
            Dictionary<string, List<WriteRequest>> pending,
            CancellationToken cancellationToken)
        {
            try
            {
                var response = await _wrapper.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending }, cancellationToken)
                    .ConfigureAwait(false);
                foreach (var (table, writes) in response.UnprocessedItems ?? [])
                {
                    _wrapper._logger.UnprocessedItems(table, writes.Count);
                }

                return response.UnprocessedItems ?? [];
            }
            catch (AmazonDynamoDBException exception) when (DynamoWriteFailures.Translate(exception) is { } translated)
            {
                throw translated;
            }
        }

        public Task BackOffAsync(TimeSpan delay, CancellationToken cancellationToken) => _wrapper.BackOffAsync("BatchWriteItem", delay, cancellationToken);

        public bool IsRefusedWhole(Exception exception) => exception is ProvisionedThroughputExceededException;

        public Exception Exhausted(int left, int attempts) => new DynamoUnprocessedItemsException(left, attempts);
    }

    // What the messages name: the URL given as ServiceUrl, otherwise the region the SDK resolved.
    private string? Endpoint => Client.Config.ServiceURL ?? Client.Config.RegionEndpoint?.SystemName;
}

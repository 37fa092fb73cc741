using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Diagnostics.Internal;

/// <summary>Writes the provider's events to EF Core's loggers and diagnostic listeners.</summary>
public static class DynamoLoggerExtensions
{
    /// <summary>
    ///     Logs <see cref="DynamoDbEventId.RequestExecuted" />: a request that succeeded, with its consumed capacity
    ///     and duration; its values only with sensitive-data logging. The description is built by
    ///     <paramref name="describe" /> from <paramref name="state" /> only when a logger or listener takes the event, so
    ///     the log knows nothing of the wire layer's types.
    /// </summary>
    public static void RequestExecuted<TState>(
        this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics,
        Func<TState, DynamoRequestDescription> describe,
        TState state,
        double? consumedCapacity,
        TimeSpan elapsed)
        => LogRequest(diagnostics, DynamoResources.LogRequestExecuted(diagnostics), describe, state, consumedCapacity, elapsed, exception: null);

    /// <summary>
    ///     Whether a logger or diagnostic listener takes <see cref="DynamoDbEventId.RequestExecuted" />, which reports each
    ///     request's consumed capacity.
    /// </summary>
    public static bool LogsRequestsExecuted(this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics)
    {
        var definition = DynamoResources.LogRequestExecuted(diagnostics);
        return diagnostics.ShouldLog(definition) || diagnostics.NeedsEventData(definition, out _, out _);
    }

    /// <summary>
    ///     Logs <see cref="DynamoDbEventId.RequestFailed" />: a request DynamoDB refused or that did not arrive, with
    ///     the exception.
    /// </summary>
    public static void RequestFailed<TState>(
        this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics,
        Func<TState, DynamoRequestDescription> describe,
        TState state,
        TimeSpan elapsed,
        Exception exception)
        => LogRequest(diagnostics, DynamoResources.LogRequestFailed(diagnostics), describe, state, consumedCapacity: null, elapsed, exception);

    /// <summary>Logs <see cref="DynamoDbEventId.ScanWarning" />: a query answered by reading the whole table.</summary>
    public static void ScanWarning(this IDiagnosticsLogger<DbLoggerCategory.Query> diagnostics, string tableName, IReadOnlyEntityType entityType)
        => Log(diagnostics, DynamoResources.LogScanWarning(diagnostics), entityType, tableName);

    /// <summary>
    ///     Logs <see cref="DynamoDbEventId.SkipWarning" />: items read only to be discarded by <c>Skip</c>.
    /// </summary>
    public static void SkipWarning(this IDiagnosticsLogger<DbLoggerCategory.Query> diagnostics, IReadOnlyEntityType entityType, int count)
        => Log(diagnostics, DynamoResources.LogSkipWarning(diagnostics), entityType, count);

    /// <summary>
    ///     Logs <see cref="DynamoDbEventId.IndexChosen" />: the secondary index the planner chose for a query.
    /// </summary>
    public static void IndexChosen(this IDiagnosticsLogger<DbLoggerCategory.Query> diagnostics, IReadOnlyEntityType entityType, string indexName)
        => Log(diagnostics, DynamoResources.LogIndexChosen(diagnostics), entityType, indexName);

    /// <summary>
    ///     Logs <see cref="DynamoDbEventId.IncludeQueriesWarning" />: an include that reads the dependents of many
    ///     principals, one Query each.
    /// </summary>
    public static void IncludeQueriesWarning(this IDiagnosticsLogger<DbLoggerCategory.Query> diagnostics, string navigation, int principals)
        => Log(diagnostics, DynamoResources.LogIncludeQueriesWarning(diagnostics), navigation, principals);

    /// <summary>
    ///     Logs <see cref="DynamoDbEventId.UnprocessedItems" />: items or keys a batch request left unprocessed, to be
    ///     sent again.
    /// </summary>
    public static void UnprocessedItems(this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics, string tableName, int count)
        => Log(diagnostics, DynamoResources.LogUnprocessedItems(diagnostics), tableName, count);

    /// <summary>
    ///     Logs <see cref="DynamoDbEventId.BatchRetrying" />: the wait before a batch's unprocessed requests are sent
    ///     again.
    /// </summary>
    public static void BatchRetrying(this IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics, string operation, TimeSpan delay)
        => Log(diagnostics, DynamoResources.LogBatchRetrying(diagnostics), operation, (int)delay.TotalMilliseconds);

    /// <summary>
    ///     Logs <see cref="DynamoDbEventId.SaveSplitWarning" />: a save too large for one transaction, sent as several.
    /// </summary>
    public static void SaveSplitWarning(this IDiagnosticsLogger<DbLoggerCategory.Update> diagnostics, int writes, int transactions)
        => Log(diagnostics, DynamoResources.LogSaveSplitWarning(diagnostics), writes, transactions);

    /// <summary>
    ///     Logs <see cref="DynamoDbEventId.SchemaChanged" />: one change <c>UpdateDynamoSchema</c> made to a table.
    /// </summary>
    public static void SchemaChanged(this IDiagnosticsLogger<DbLoggerCategory.Database> diagnostics, DynamoSchemaChange change)
        => Log(diagnostics, DynamoResources.LogSchemaChanged(diagnostics), change.Table, change.Description);

    /// <summary>
    ///     Logs <see cref="DynamoDbEventId.SchemaIncompleteWarning" />: an existing table lacking indexes or time to
    ///     live the model has.
    /// </summary>
    public static void SchemaIncomplete(this IDiagnosticsLogger<DbLoggerCategory.Database> diagnostics, string table, IEnumerable<string> missing)
        => Log(diagnostics, DynamoResources.LogSchemaIncomplete(diagnostics), table, string.Join(", ", missing));

    /// <summary>A transaction call was ignored; by default this warning throws, with its message.</summary>
    public static void TransactionIgnoredWarning(this IDiagnosticsLogger<DbLoggerCategory.Database.Transaction> diagnostics, string operation)
    {
        var definition = DynamoResources.LogTransactionIgnored(diagnostics);
        if (diagnostics.ShouldLog(definition))
        {
            definition.Log(diagnostics, operation);
        }

        if (diagnostics.NeedsEventData(definition, out var diagnosticSourceEnabled, out var simpleLogEnabled))
        {
            var eventData = new EventData(definition, (d, _) => ((EventDefinition<string>)d).GenerateMessage(operation));
            diagnostics.DispatchEventData(definition, eventData, diagnosticSourceEnabled, simpleLogEnabled);
        }
    }

    // Logs an event of two arguments and dispatches it to diagnostic listeners.
    private static void Log<TCategory, T1, T2>(IDiagnosticsLogger<TCategory> diagnostics, EventDefinition<T1, T2> definition, T1 arg1, T2 arg2)
        where TCategory : LoggerCategory<TCategory>, new()
    {
        if (diagnostics.ShouldLog(definition))
        {
            definition.Log(diagnostics, arg1, arg2);
        }

        if (diagnostics.NeedsEventData(definition, out var diagnosticSourceEnabled, out var simpleLogEnabled))
        {
            Dispatch(diagnostics, definition, arg1, arg2, diagnosticSourceEnabled, simpleLogEnabled);
        }
    }

    // An event that names an entity type first: its display name is built (a new string) only when the event is taken.
    private static void Log<T2>(IDiagnosticsLogger<DbLoggerCategory.Query> diagnostics, EventDefinition<string, T2> definition, IReadOnlyEntityType entityType, T2 arg2)
    {
        if (diagnostics.ShouldLog(definition) || diagnostics.NeedsEventData(definition, out _, out _))
        {
            Log(diagnostics, definition, entityType.DisplayName(), arg2);
        }
    }

    // Apart from Log, so that an event no listener takes allocates no closure for its message.
    private static void Dispatch<TCategory, T1, T2>(
        IDiagnosticsLogger<TCategory> diagnostics,
        EventDefinition<T1, T2> definition,
        T1 arg1,
        T2 arg2,
        bool diagnosticSourceEnabled,
        bool simpleLogEnabled)
        where TCategory : LoggerCategory<TCategory>, new()
        => diagnostics.DispatchEventData(
            definition,
            new EventData(definition, (d, _) => ((EventDefinition<T1, T2>)d).GenerateMessage(arg1, arg2)),
            diagnosticSourceEnabled,
            simpleLogEnabled);

    private static void LogRequest<TState>(
        IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics,
        EventDefinition<string, string, string, string, string> definition,
        Func<TState, DynamoRequestDescription> describe,
        TState state,
        double? consumedCapacity,
        TimeSpan elapsed,
        Exception? exception)
    {
        var needsLog = diagnostics.ShouldLog(definition);
        var needsEventData = diagnostics.NeedsEventData(definition, out var diagnosticSourceEnabled, out var simpleLogEnabled);
        if (needsLog || needsEventData)
        {
            DispatchRequest(diagnostics, definition, describe(state), consumedCapacity, elapsed, exception, needsLog, needsEventData, diagnosticSourceEnabled, simpleLogEnabled);
        }
    }

    // Apart from LogRequest, so that a request nobody logs allocates no closure for the event's message.
    private static void DispatchRequest(
        IDiagnosticsLogger<DbLoggerCategory.Database.Command> diagnostics,
        EventDefinition<string, string, string, string, string> definition,
        DynamoRequestDescription description,
        double? consumedCapacity,
        TimeSpan elapsed,
        Exception? exception,
        bool needsLog,
        bool needsEventData,
        bool diagnosticSourceEnabled,
        bool simpleLogEnabled)
    {
        // Values leave the process only when the application opted in to sensitive data logging.
        var parameters = diagnostics.ShouldLogSensitiveData() ? description.FormatValues() : null;
        var message = new RequestMessage(description, consumedCapacity, elapsed, parameters);

        if (needsLog)
        {
            definition.Log(diagnostics, message.Operation, message.Target, message.Elapsed, message.Capacity, message.Details);
        }

        if (needsEventData)
        {
            var eventData = new DynamoRequestEventData(
                definition,
                (d, _) => ((EventDefinition<string, string, string, string, string>)d)
                    .GenerateMessage(message.Operation, message.Target, message.Elapsed, message.Capacity, message.Details),
                description.Operation,
                description.TableName,
                description.IndexName,
                description.Expressions,
                parameters,
                consumedCapacity,
                elapsed,
                exception);
            diagnostics.DispatchEventData(definition, eventData, diagnosticSourceEnabled, simpleLogEnabled);
        }
    }

    private readonly struct RequestMessage(DynamoRequestDescription description, double? consumedCapacity, TimeSpan elapsed, string? parameters)
    {
        public string Operation => description.Operation;

        public string Target => description.IndexName == null
            ? $"'{description.TableName}'"
            : $"'{description.TableName}' index '{description.IndexName}'";

        public string Elapsed => elapsed.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture);

        public string Capacity => consumedCapacity?.ToString("0.##", CultureInfo.InvariantCulture) ?? "?";

        public string Details => parameters == null
            ? description.Expressions
            : description.Expressions + Environment.NewLine + "Values: " + parameters;
    }
}

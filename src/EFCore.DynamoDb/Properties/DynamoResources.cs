using EFCore.DynamoDb.Diagnostics.Internal;
using Microsoft.Extensions.Logging;

namespace EFCore.DynamoDb.Internal;

/// <summary>
///     The event definitions of the provider's log messages, built from the resource file on first use and kept
///     in the logger's <see cref="DynamoLoggingDefinitions" />.
/// </summary>
public static class DynamoResources
{
    /// <summary>
    ///     <see cref="DynamoDbEventId.RequestExecuted" />: Executed DynamoDB {operation} on {target} ({elapsed} ms,
    ///     {capacity} capacity units) {details}
    /// </summary>
    public static EventDefinition<string, string, string, string, string> LogRequestExecuted(IDiagnosticsLogger logger)
        => (EventDefinition<string, string, string, string, string>)(Definitions(logger).LogRequestExecuted
            ??= CreateRequestDefinition(logger, DynamoDbEventId.RequestExecuted, nameof(LogRequestExecuted)));

    /// <summary>
    ///     <see cref="DynamoDbEventId.RequestFailed" />: Failed DynamoDB {operation} on {target} ({elapsed} ms,
    ///     {capacity} capacity units) {details}
    /// </summary>
    public static EventDefinition<string, string, string, string, string> LogRequestFailed(IDiagnosticsLogger logger)
        => (EventDefinition<string, string, string, string, string>)(Definitions(logger).LogRequestFailed
            ??= CreateRequestDefinition(logger, DynamoDbEventId.RequestFailed, nameof(LogRequestFailed)));

    /// <summary>
    ///     <see cref="DynamoDbEventId.ScanWarning" />: The query for '{entityType}' fixes no partition key, so it scans
    ///     the whole table '{table}'. Add an equality on the partition key to read only matching items.
    /// </summary>
    public static EventDefinition<string, string> LogScanWarning(IDiagnosticsLogger logger)
        => (EventDefinition<string, string>)(Definitions(logger).LogScanWarning
            ??= new EventDefinition<string, string>(
                logger.Options,
                DynamoDbEventId.ScanWarning,
                LogLevel.Warning,
                "DynamoDbEventId.ScanWarning",
                level => LoggerMessage.Define<string, string>(level, DynamoDbEventId.ScanWarning, DynamoStrings.GetString(nameof(LogScanWarning)))));

    /// <summary>
    ///     <see cref="DynamoDbEventId.SkipWarning" />: The query for '{entityType}' skips {count} items: DynamoDB reads
    ///     and returns them before they are discarded. Prefer ToPageAsync with a continuation token.
    /// </summary>
    public static EventDefinition<string, int> LogSkipWarning(IDiagnosticsLogger logger)
        => (EventDefinition<string, int>)(Definitions(logger).LogSkipWarning
            ??= new EventDefinition<string, int>(
                logger.Options,
                DynamoDbEventId.SkipWarning,
                LogLevel.Warning,
                "DynamoDbEventId.SkipWarning",
                level => LoggerMessage.Define<string, int>(level, DynamoDbEventId.SkipWarning, DynamoStrings.GetString(nameof(LogSkipWarning)))));

    /// <summary><see cref="DynamoDbEventId.IncludeQueriesWarning" />: The Include of '{navigation}' reads the dependents of {principals} principals with one DynamoDB Query each. Read fewer principals (a key, Take, ToPageAsync), or keep the principal and its dependents in one partition and query that partition.</summary>
    public static EventDefinition<string, int> LogIncludeQueriesWarning(IDiagnosticsLogger logger)
        => (EventDefinition<string, int>)(Definitions(logger).LogIncludeQueriesWarning
            ??= new EventDefinition<string, int>(
                logger.Options,
                DynamoDbEventId.IncludeQueriesWarning,
                LogLevel.Warning,
                "DynamoDbEventId.IncludeQueriesWarning",
                level => LoggerMessage.Define<string, int>(
                    level, DynamoDbEventId.IncludeQueriesWarning, DynamoStrings.GetString(nameof(LogIncludeQueriesWarning)))));

    /// <summary><see cref="DynamoDbEventId.SchemaChanged" />: Changed the DynamoDB table '{table}': {change}</summary>
    public static EventDefinition<string, string> LogSchemaChanged(IDiagnosticsLogger logger)
        => (EventDefinition<string, string>)(Definitions(logger).LogSchemaChanged
            ??= new EventDefinition<string, string>(
                logger.Options,
                DynamoDbEventId.SchemaChanged,
                LogLevel.Information,
                "DynamoDbEventId.SchemaChanged",
                level => LoggerMessage.Define<string, string>(level, DynamoDbEventId.SchemaChanged, DynamoStrings.GetString(nameof(LogSchemaChanged)))));

    /// <summary>
    ///     <see cref="DynamoDbEventId.SchemaIncompleteWarning" />: The existing DynamoDB table '{table}' lacks
    ///     {missing} of the model, and EnsureCreated does not change existing tables. Call
    ///     Database.UpdateDynamoSchema() to bring the table in line with the model.
    /// </summary>
    public static EventDefinition<string, string> LogSchemaIncomplete(IDiagnosticsLogger logger)
        => (EventDefinition<string, string>)(Definitions(logger).LogSchemaIncomplete
            ??= new EventDefinition<string, string>(
                logger.Options,
                DynamoDbEventId.SchemaIncompleteWarning,
                LogLevel.Warning,
                "DynamoDbEventId.SchemaIncompleteWarning",
                level => LoggerMessage.Define<string, string>(level, DynamoDbEventId.SchemaIncompleteWarning, DynamoStrings.GetString(nameof(LogSchemaIncomplete)))));

    /// <summary>
    ///     <see cref="DynamoDbEventId.IndexChosen" />: The query for '{entityType}' reads through the secondary index
    ///     '{index}'.
    /// </summary>
    public static EventDefinition<string, string> LogIndexChosen(IDiagnosticsLogger logger)
        => (EventDefinition<string, string>)(Definitions(logger).LogIndexChosen
            ??= new EventDefinition<string, string>(
                logger.Options,
                DynamoDbEventId.IndexChosen,
                LogLevel.Debug,
                "DynamoDbEventId.IndexChosen",
                level => LoggerMessage.Define<string, string>(level, DynamoDbEventId.IndexChosen, DynamoStrings.GetString(nameof(LogIndexChosen)))));

    /// <summary>
    ///     <see cref="DynamoDbEventId.UnprocessedItems" />: DynamoDB left items of table '{table}' unprocessed ({count}
    ///     of them); they are sent again.
    /// </summary>
    public static EventDefinition<string, int> LogUnprocessedItems(IDiagnosticsLogger logger)
        => (EventDefinition<string, int>)(Definitions(logger).LogUnprocessedItems
            ??= new EventDefinition<string, int>(
                logger.Options,
                DynamoDbEventId.UnprocessedItems,
                LogLevel.Information,
                "DynamoDbEventId.UnprocessedItems",
                level => LoggerMessage.Define<string, int>(level, DynamoDbEventId.UnprocessedItems, DynamoStrings.GetString(nameof(LogUnprocessedItems)))));

    /// <summary>
    ///     <see cref="DynamoDbEventId.BatchRetrying" />: The DynamoDB {operation} is sent again in {delay} ms, after
    ///     DynamoDB throttled it or left part of it unprocessed.
    /// </summary>
    public static EventDefinition<string, int> LogBatchRetrying(IDiagnosticsLogger logger)
        => (EventDefinition<string, int>)(Definitions(logger).LogBatchRetrying
            ??= new EventDefinition<string, int>(
                logger.Options,
                DynamoDbEventId.BatchRetrying,
                LogLevel.Information,
                "DynamoDbEventId.BatchRetrying",
                level => LoggerMessage.Define<string, int>(level, DynamoDbEventId.BatchRetrying, DynamoStrings.GetString(nameof(LogBatchRetrying)))));

    /// <summary>
    ///     <see cref="DynamoDbEventId.SaveSplitWarning" />: SaveChanges writes {writes} items, more than one DynamoDB
    ///     transaction holds, so they are sent as {transactions} consecutive transactions: each is atomic, the save as
    ///     a whole is not. Set context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always to refuse such
    ///     saves instead.
    /// </summary>
    public static EventDefinition<int, int> LogSaveSplitWarning(IDiagnosticsLogger logger)
        => (EventDefinition<int, int>)(Definitions(logger).LogSaveSplitWarning
            ??= new EventDefinition<int, int>(
                logger.Options,
                DynamoDbEventId.SaveSplitWarning,
                LogLevel.Warning,
                "DynamoDbEventId.SaveSplitWarning",
                level => LoggerMessage.Define<int, int>(level, DynamoDbEventId.SaveSplitWarning, DynamoStrings.GetString(nameof(LogSaveSplitWarning)))));

    /// <summary>
    ///     <see cref="DynamoDbEventId.TransactionIgnoredWarning" />: DynamoDB has no open-ended transactions, so
    ///     {operation} is ignored: each SaveChanges is already sent as one atomic TransactWriteItems when its writes
    ///     fit in one, and what a SaveChanges wrote cannot be rolled back later.
    /// </summary>
    public static EventDefinition<string> LogTransactionIgnored(IDiagnosticsLogger logger)
        => (EventDefinition<string>)(Definitions(logger).LogTransactionIgnored
            ??= new EventDefinition<string>(
                logger.Options,
                DynamoDbEventId.TransactionIgnoredWarning,
                LogLevel.Warning,
                "DynamoDbEventId.TransactionIgnoredWarning",
                level => LoggerMessage.Define<string>(
                    level, DynamoDbEventId.TransactionIgnoredWarning, DynamoStrings.GetString(nameof(LogTransactionIgnored)))));

    private static EventDefinition<string, string, string, string, string> CreateRequestDefinition(
        IDiagnosticsLogger logger,
        EventId eventId,
        string resourceName)
        => new(
            logger.Options,
            eventId,
            LogLevel.Information,
            "DynamoDbEventId." + eventId.Name![(eventId.Name!.LastIndexOf('.') + 1)..],
            level => LoggerMessage.Define<string, string, string, string, string>(level, eventId, DynamoStrings.GetString(resourceName)));

    private static DynamoLoggingDefinitions Definitions(IDiagnosticsLogger logger) => (DynamoLoggingDefinitions)logger.Definitions;
}

using EFCore.DynamoDb.Diagnostics.Internal;
using Microsoft.Extensions.Logging;

namespace EFCore.DynamoDb.Internal;

/// <summary>
///     The event definitions of the provider's log messages, built from the resource file on first use and kept
///     in the logger's <see cref="DynamoLoggingDefinitions" />.
/// </summary>
public static class DynamoResources
{
    public static EventDefinition<string, string, string, string, string> LogRequestExecuted(IDiagnosticsLogger logger)
        => (EventDefinition<string, string, string, string, string>)(Definitions(logger).LogRequestExecuted
            ??= CreateRequestDefinition(logger, DynamoDbEventId.RequestExecuted, nameof(LogRequestExecuted)));

    public static EventDefinition<string, string, string, string, string> LogRequestFailed(IDiagnosticsLogger logger)
        => (EventDefinition<string, string, string, string, string>)(Definitions(logger).LogRequestFailed
            ??= CreateRequestDefinition(logger, DynamoDbEventId.RequestFailed, nameof(LogRequestFailed)));

    public static EventDefinition<string, string> LogScanWarning(IDiagnosticsLogger logger)
        => (EventDefinition<string, string>)(Definitions(logger).LogScanWarning
            ??= new EventDefinition<string, string>(
                logger.Options,
                DynamoDbEventId.ScanWarning,
                LogLevel.Warning,
                "DynamoDbEventId.ScanWarning",
                level => LoggerMessage.Define<string, string>(level, DynamoDbEventId.ScanWarning, DynamoStrings.GetString(nameof(LogScanWarning)))));

    public static EventDefinition<string, int> LogSkipWarning(IDiagnosticsLogger logger)
        => (EventDefinition<string, int>)(Definitions(logger).LogSkipWarning
            ??= new EventDefinition<string, int>(
                logger.Options,
                DynamoDbEventId.SkipWarning,
                LogLevel.Warning,
                "DynamoDbEventId.SkipWarning",
                level => LoggerMessage.Define<string, int>(level, DynamoDbEventId.SkipWarning, DynamoStrings.GetString(nameof(LogSkipWarning)))));

    public static EventDefinition<string, string> LogSchemaChanged(IDiagnosticsLogger logger)
        => (EventDefinition<string, string>)(Definitions(logger).LogSchemaChanged
            ??= new EventDefinition<string, string>(
                logger.Options,
                DynamoDbEventId.SchemaChanged,
                LogLevel.Information,
                "DynamoDbEventId.SchemaChanged",
                level => LoggerMessage.Define<string, string>(level, DynamoDbEventId.SchemaChanged, DynamoStrings.GetString(nameof(LogSchemaChanged)))));

    public static EventDefinition<string, string> LogSchemaIncomplete(IDiagnosticsLogger logger)
        => (EventDefinition<string, string>)(Definitions(logger).LogSchemaIncomplete
            ??= new EventDefinition<string, string>(
                logger.Options,
                DynamoDbEventId.SchemaIncompleteWarning,
                LogLevel.Warning,
                "DynamoDbEventId.SchemaIncompleteWarning",
                level => LoggerMessage.Define<string, string>(level, DynamoDbEventId.SchemaIncompleteWarning, DynamoStrings.GetString(nameof(LogSchemaIncomplete)))));

    public static EventDefinition<string, string> LogIndexChosen(IDiagnosticsLogger logger)
        => (EventDefinition<string, string>)(Definitions(logger).LogIndexChosen
            ??= new EventDefinition<string, string>(
                logger.Options,
                DynamoDbEventId.IndexChosen,
                LogLevel.Debug,
                "DynamoDbEventId.IndexChosen",
                level => LoggerMessage.Define<string, string>(level, DynamoDbEventId.IndexChosen, DynamoStrings.GetString(nameof(LogIndexChosen)))));

    public static EventDefinition<string, int> LogUnprocessedItems(IDiagnosticsLogger logger)
        => (EventDefinition<string, int>)(Definitions(logger).LogUnprocessedItems
            ??= new EventDefinition<string, int>(
                logger.Options,
                DynamoDbEventId.UnprocessedItems,
                LogLevel.Information,
                "DynamoDbEventId.UnprocessedItems",
                level => LoggerMessage.Define<string, int>(level, DynamoDbEventId.UnprocessedItems, DynamoStrings.GetString(nameof(LogUnprocessedItems)))));

    public static EventDefinition<string, int> LogBatchRetrying(IDiagnosticsLogger logger)
        => (EventDefinition<string, int>)(Definitions(logger).LogBatchRetrying
            ??= new EventDefinition<string, int>(
                logger.Options,
                DynamoDbEventId.BatchRetrying,
                LogLevel.Information,
                "DynamoDbEventId.BatchRetrying",
                level => LoggerMessage.Define<string, int>(level, DynamoDbEventId.BatchRetrying, DynamoStrings.GetString(nameof(LogBatchRetrying)))));

    public static EventDefinition<int, int> LogSaveSplitWarning(IDiagnosticsLogger logger)
        => (EventDefinition<int, int>)(Definitions(logger).LogSaveSplitWarning
            ??= new EventDefinition<int, int>(
                logger.Options,
                DynamoDbEventId.SaveSplitWarning,
                LogLevel.Warning,
                "DynamoDbEventId.SaveSplitWarning",
                level => LoggerMessage.Define<int, int>(level, DynamoDbEventId.SaveSplitWarning, DynamoStrings.GetString(nameof(LogSaveSplitWarning)))));

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

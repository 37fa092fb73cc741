namespace EFCore.DynamoDb.Diagnostics.Internal;

/// <summary>The lazily built event definitions of the provider's log messages.</summary>
public class DynamoLoggingDefinitions : LoggingDefinitions
{
    public EventDefinitionBase? LogRequestExecuted;

    public EventDefinitionBase? LogRequestFailed;

    public EventDefinitionBase? LogScanWarning;

    public EventDefinitionBase? LogSkipWarning;

    public EventDefinitionBase? LogIndexChosen;

    public EventDefinitionBase? LogUnprocessedItems;

    public EventDefinitionBase? LogBatchRetrying;

    public EventDefinitionBase? LogSchemaChanged;

    public EventDefinitionBase? LogSaveSplitWarning;

    public EventDefinitionBase? LogSchemaIncomplete;

    public EventDefinitionBase? LogTransactionIgnored;
}

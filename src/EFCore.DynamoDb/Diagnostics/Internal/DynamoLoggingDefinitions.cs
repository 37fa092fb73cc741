namespace EFCore.DynamoDb.Diagnostics.Internal;

/// <summary>The lazily built event definitions of the provider's log messages.</summary>
public class DynamoLoggingDefinitions : LoggingDefinitions
{
    /// <summary>The definition of <see cref="DynamoDbEventId.RequestExecuted" />, built on first use.</summary>
    public EventDefinitionBase? LogRequestExecuted;

    /// <summary>The definition of <see cref="DynamoDbEventId.RequestFailed" />, built on first use.</summary>
    public EventDefinitionBase? LogRequestFailed;

    /// <summary>The definition of <see cref="DynamoDbEventId.ScanWarning" />, built on first use.</summary>
    public EventDefinitionBase? LogScanWarning;

    /// <summary>The definition of <see cref="DynamoDbEventId.SkipWarning" />, built on first use.</summary>
    public EventDefinitionBase? LogSkipWarning;

    /// <summary>The definition of <see cref="DynamoDbEventId.IndexChosen" />, built on first use.</summary>
    public EventDefinitionBase? LogIndexChosen;

    /// <summary>The definition of <see cref="DynamoDbEventId.IncludeQueriesWarning" />, built on first use.</summary>
    public EventDefinitionBase? LogIncludeQueriesWarning;

    /// <summary>The definition of <see cref="DynamoDbEventId.UnprocessedItems" />, built on first use.</summary>
    public EventDefinitionBase? LogUnprocessedItems;

    /// <summary>The definition of <see cref="DynamoDbEventId.BatchRetrying" />, built on first use.</summary>
    public EventDefinitionBase? LogBatchRetrying;

    /// <summary>The definition of <see cref="DynamoDbEventId.SchemaChanged" />, built on first use.</summary>
    public EventDefinitionBase? LogSchemaChanged;

    /// <summary>The definition of <see cref="DynamoDbEventId.SaveSplitWarning" />, built on first use.</summary>
    public EventDefinitionBase? LogSaveSplitWarning;

    /// <summary>The definition of <see cref="DynamoDbEventId.SchemaIncompleteWarning" />, built on first use.</summary>
    public EventDefinitionBase? LogSchemaIncomplete;

    /// <summary>
    ///     The definition of <see cref="DynamoDbEventId.TransactionIgnoredWarning" />, built on first use.
    /// </summary>
    public EventDefinitionBase? LogTransactionIgnored;
}

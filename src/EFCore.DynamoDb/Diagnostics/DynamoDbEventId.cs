using Microsoft.Extensions.Logging;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore.Diagnostics;

/// <summary>
///     Event ids for everything the DynamoDB provider logs. Use them with <c>ConfigureWarnings</c> or to filter
///     a logger; the payloads are <see cref="DynamoRequestEventData" /> for requests.
/// </summary>
public static class DynamoDbEventId
{
    // These values must not change between releases: add new ones at the end of their section.
    private enum Id
    {
        // Database.Command events
        RequestExecuted = CoreEventId.ProviderBaseId,
        RequestFailed,
        UnprocessedItems,
        BatchRetrying,

        // Query events
        ScanWarning = CoreEventId.ProviderBaseId + 100,
        SkipWarning,
        IndexChosen,
        IncludeQueriesWarning,

        // Database (schema) events
        SchemaChanged = CoreEventId.ProviderBaseId + 200,
        SchemaIncompleteWarning,

        // Update events
        SaveSplitWarning = CoreEventId.ProviderBaseId + 300,

        // Transaction events
        TransactionIgnoredWarning = CoreEventId.ProviderBaseId + 400
    }

    private static readonly string CommandPrefix = DbLoggerCategory.Database.Command.Name + ".";
    private static readonly string QueryPrefix = DbLoggerCategory.Query.Name + ".";
    private static readonly string DatabasePrefix = DbLoggerCategory.Database.Name + ".";
    private static readonly string UpdatePrefix = DbLoggerCategory.Update.Name + ".";
    private static readonly string TransactionPrefix = DbLoggerCategory.Database.Transaction.Name + ".";

    /// <summary>A request was sent to DynamoDB and answered (operation, table, index, expressions, capacity, time).</summary>
    public static readonly EventId RequestExecuted = new((int)Id.RequestExecuted, CommandPrefix + Id.RequestExecuted);

    /// <summary>A request sent to DynamoDB failed.</summary>
    public static readonly EventId RequestFailed = new((int)Id.RequestFailed, CommandPrefix + Id.RequestFailed);

    /// <summary>DynamoDB left items of a batch unprocessed (throttling); they are sent again with backoff.</summary>
    public static readonly EventId UnprocessedItems = new((int)Id.UnprocessedItems, CommandPrefix + Id.UnprocessedItems);

    /// <summary>
    ///     A batch request is sent again after a backoff, because DynamoDB throttled it or left part of it unprocessed.
    ///     Retries of a whole query or save by the execution strategy are EF Core's <c>CoreEventId.ExecutionStrategyRetrying</c>.
    /// </summary>
    public static readonly EventId BatchRetrying = new((int)Id.BatchRetrying, CommandPrefix + Id.BatchRetrying);

    /// <summary>A query reads through a secondary index, chosen by the provider or forced with <c>WithIndex</c>.</summary>
    public static readonly EventId IndexChosen = new((int)Id.IndexChosen, QueryPrefix + Id.IndexChosen);

    /// <summary>A query could not use a key and reads the whole table with a Scan.</summary>
    public static readonly EventId ScanWarning = new((int)Id.ScanWarning, QueryPrefix + Id.ScanWarning);

    /// <summary>
    ///     An <c>Include</c> of a collection reads the dependents of more principals than
    ///     <c>DynamoCollectionLoader.QueriesWithoutWarning</c> with one Query each.
    /// </summary>
    public static readonly EventId IncludeQueriesWarning = new((int)Id.IncludeQueriesWarning, QueryPrefix + Id.IncludeQueriesWarning);

    /// <summary>A query skips items: DynamoDB reads and returns them, and the provider discards them.</summary>
    public static readonly EventId SkipWarning = new((int)Id.SkipWarning, QueryPrefix + Id.SkipWarning);

    /// <summary><c>UpdateDynamoSchema</c> changed a table: created it, added an index, changed its throughput or time to live.</summary>
    public static readonly EventId SchemaChanged = new((int)Id.SchemaChanged, DatabasePrefix + Id.SchemaChanged);

    /// <summary>
    ///     A <c>SaveChanges</c> under <c>AutoTransactionBehavior.WhenNeeded</c> writes more than one DynamoDB transaction
    ///     holds (100 items, 4 MB), so it is sent as several consecutive transactions: each is atomic, the save is not.
    /// </summary>
    public static readonly EventId SaveSplitWarning = new((int)Id.SaveSplitWarning, UpdatePrefix + Id.SaveSplitWarning);

    /// <summary>
    ///     <c>EnsureCreated</c> found an existing table that lacks a secondary index or the time to live of the model;
    ///     <c>UpdateDynamoSchema</c> adds what it can.
    /// </summary>
    public static readonly EventId SchemaIncompleteWarning = new((int)Id.SchemaIncompleteWarning, DatabasePrefix + Id.SchemaIncompleteWarning);

    /// <summary>
    ///     <c>BeginTransaction</c>, <c>CommitTransaction</c>, <c>RollbackTransaction</c>, <c>EnlistTransaction</c> or an
    ///     ambient <c>TransactionScope</c> met a store that has no open-ended transactions. Configured to throw unless
    ///     the application ignores it (<c>ConfigureWarnings(w =&gt; w.Ignore(DynamoDbEventId.TransactionIgnoredWarning))</c>);
    ///     then the transaction calls do nothing, and each <c>SaveChanges</c> stays its own atomic unit.
    /// </summary>
    public static readonly EventId TransactionIgnoredWarning
        = new((int)Id.TransactionIgnoredWarning, TransactionPrefix + Id.TransactionIgnoredWarning);
}

namespace EFCore.DynamoDb.Benchmarks.Systems;

/// <summary>
///     One way of talking to DynamoDB: each operation does the same work with the same requests in every system and
///     returns a figure the harness checks (a count or a value), so no system can skip work.
/// </summary>
internal abstract class BenchSystem(string name)
{
    public string Name { get; } = name;

    /// <summary>Whether the system has an equivalent of ExecuteUpdate: one conditional UpdateItem computed by DynamoDB.</summary>
    public virtual bool HasExecuteUpdate => true;

    /// <summary>Reads one item by its key; returns its top score.</summary>
    public abstract Task<int> FindAsync();

    /// <summary>Reads the 100 items of a partition; returns how many.</summary>
    public abstract Task<int> QueryAsync(bool tracked);

    /// <summary>
    ///     Reads the 100 items of a partition, untracked, as a query compiled ahead (<c>EF.CompileAsyncQuery</c>) where the
    ///     system has such a thing; returns how many.
    /// </summary>
    public virtual Task<int> QueryCompiledAsync() => QueryAsync(tracked: false);

    /// <summary>Reads two attributes of the 100 items of a partition; returns how many.</summary>
    public abstract Task<int> QueryProjectionAsync();

    /// <summary>Writes 100 items, unconditionally, in BatchWriteItems of 25; returns how many.</summary>
    public abstract Task<int> InsertBatchedAsync();

    /// <summary>Writes 100 items, unconditionally, in one TransactWriteItems; returns how many.</summary>
    public abstract Task<int> InsertInTransactionAsync();

    /// <summary>Reads 10 items by key, changes the top score of one and saves it; returns how many were read.</summary>
    public abstract Task<int> LoadChangeSaveAsync();

    /// <summary>Increments the wins of one item, on the server, if it exists; returns how many items changed.</summary>
    public abstract Task<int> ExecuteUpdateAsync();
}

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Results whose pages may be read apart from their shaping, so that several reads of one query run concurrently
///     while their results are shaped one after the other: the change tracker, which shaping goes through, is not
///     thread-safe.
/// </summary>
public interface IDynamoBufferedResults
{
    /// <summary>
    ///     Prepares the read of every page these results (of items, as an include's dependents are) need, with the
    ///     parameter values as they are now; the read returns the results shaped from its pages, lazily and without
    ///     reading more. The read touches no entity: several may run at once, but their results must be enumerated one
    ///     after the other, on the query's thread.
    /// </summary>
    Func<CancellationToken, Task<IEnumerable<object>>> PrepareBufferedRead();
}

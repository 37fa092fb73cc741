namespace EFCore.DynamoDb.Update.Internal;

/// <summary>Sends planned writes and turns DynamoDB's refusals into EF Core's update exceptions.</summary>
public interface IDynamoWriteExecutor
{
    /// <param name="writes">The writes of one <c>SaveChanges</c>.</param>
    /// <param name="behavior">Whether the writes go out in transactions, and what happens when one cannot hold them.</param>
    /// <param name="written">
    ///     Receives each write once DynamoDB applied it, so that when a later one fails the entries already written can
    ///     be accepted.
    /// </param>
    /// <param name="cancellationToken">Cancels the sending.</param>
    Task ExecuteAsync(
        IReadOnlyList<DynamoWrite> writes,
        AutoTransactionBehavior behavior,
        ICollection<DynamoWrite> written,
        CancellationToken cancellationToken);
}

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>Sends planned writes and turns DynamoDB's refusals into EF Core's update exceptions.</summary>
public interface IDynamoWriteExecutor
{
    /// <param name="writes">The writes of one <c>SaveChanges</c>.</param>
    /// <param name="atomic">Whether all must succeed or none (<c>TransactWriteItems</c>).</param>
    /// <param name="cancellationToken">Cancels the sending.</param>
    Task ExecuteAsync(IReadOnlyList<DynamoWrite> writes, bool atomic, CancellationToken cancellationToken);
}

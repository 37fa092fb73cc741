namespace EFCore.DynamoDb.Update.Internal;

/// <summary>Sends planned writes and turns DynamoDB's refusals into EF Core's update exceptions.</summary>
public interface IDynamoWriteExecutor
{
    Task<int> ExecuteAsync(IReadOnlyList<DynamoWrite> writes, CancellationToken cancellationToken);
}

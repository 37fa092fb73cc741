// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore.Diagnostics;

/// <summary>
///     The capacity units a context's requests consumed, summed since the context was created or since
///     <see cref="Reset" />; read it with <c>db.Database.GetConsumedCapacity()</c>. Table management requests
///     (create, describe, delete) consume none and are not counted. A request reports its capacity only when it asks for
///     it: with <c>TrackConsumedCapacity()</c> in <c>UseDynamoDb</c>, or while a logger or diagnostic listener takes
///     <see cref="DynamoDbEventId.RequestExecuted" />; <see cref="IsComplete" /> says whether every counted request did.
/// </summary>
public sealed class DynamoConsumedCapacity : IResettableService
{
    private readonly Lock _lock = new();

    /// <summary>The read capacity units of GetItem, BatchGetItem, Query and Scan requests.</summary>
    public double ReadCapacityUnits { get; private set; }

    /// <summary>The write capacity units of PutItem, UpdateItem, DeleteItem, BatchWriteItem and TransactWriteItems requests.</summary>
    public double WriteCapacityUnits { get; private set; }

    /// <summary>How many read and write requests were answered.</summary>
    public int TotalRequests { get; private set; }

    /// <summary>
    ///     Whether the unit sums cover every counted request: <see langword="false" /> once a request was sent without
    ///     asking for its capacity (neither <c>TrackConsumedCapacity()</c> nor a logger of its execution), whose units
    ///     the sums then leave out.
    /// </summary>
    public bool IsComplete { get; private set; } = true;

    /// <summary>Starts counting again from zero.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            (ReadCapacityUnits, WriteCapacityUnits, TotalRequests, IsComplete) = (0, 0, 0, true);
        }
    }

    void IResettableService.ResetState() => Reset();

    Task IResettableService.ResetStateAsync(CancellationToken cancellationToken)
    {
        Reset();
        return Task.CompletedTask;
    }

    internal void Add(bool isWrite, double? capacityUnits)
    {
        lock (_lock)
        {
            TotalRequests++;
            IsComplete &= capacityUnits != null;
            if (isWrite)
            {
                WriteCapacityUnits += capacityUnits ?? 0;
            }
            else
            {
                ReadCapacityUnits += capacityUnits ?? 0;
            }
        }
    }
}

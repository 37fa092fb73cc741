using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Creates, changes and deletes tables, and waits until DynamoDB reports each change done: table operations are
///     asynchronous on the server, and a table cannot be used (or changed again) before it is ACTIVE.
/// </summary>
public class DynamoTableManager(IDynamoClientWrapper client)
{
    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Creates the table with its indexes, waits until it is ACTIVE, then enables its time to live.</summary>
    public virtual async Task CreateAsync(DynamoTableSchema table, CancellationToken cancellationToken)
    {
        await client.CreateTableAsync(table.ToCreateTableRequest(), cancellationToken).ConfigureAwait(false);
        await WaitUntilActiveAsync(table.TableName, cancellationToken).ConfigureAwait(false);
        if (table.ToTimeToLiveRequest() is { } timeToLive)
        {
            await client.UpdateTimeToLiveAsync(timeToLive, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Changes the table, then waits until it and all its global indexes are ACTIVE again.</summary>
    public virtual async Task UpdateAsync(UpdateTableRequest request, CancellationToken cancellationToken)
    {
        await client.UpdateTableAsync(request, cancellationToken).ConfigureAwait(false);
        await WaitUntilActiveAsync(request.TableName, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the table and waits until it is gone; <see langword="false" /> when there was none.</summary>
    public virtual async Task<bool> DeleteAsync(string tableName, CancellationToken cancellationToken)
    {
        if (!await client.DeleteTableAsync(tableName, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await WaitUntilAsync(tableName, d => d == null, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    ///     The table's description once no change of it is under way (it and its global indexes ACTIVE), or
    ///     <see langword="null" /> when there is no such table: one DescribeTable when the table is at rest.
    /// </summary>
    public virtual Task<TableDescription?> DescribeAtRestAsync(string tableName, CancellationToken cancellationToken)
        => WaitUntilAsync(tableName, d => d == null || IsActive(d), cancellationToken);

    private Task<TableDescription?> WaitUntilActiveAsync(string tableName, CancellationToken cancellationToken)
        => WaitUntilAsync(tableName, d => d != null && IsActive(d), cancellationToken);

    private static bool IsActive(TableDescription table)
        => table.TableStatus == TableStatus.ACTIVE && (table.GlobalSecondaryIndexes ?? []).All(i => i.IndexStatus == IndexStatus.ACTIVE);

    private async Task<TableDescription?> WaitUntilAsync(string tableName, Func<TableDescription?, bool> isDone, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromMilliseconds(20);
        var deadline = DateTime.UtcNow + WaitTimeout;
        TableDescription? description;
        while (!isDone(description = await client.DescribeTableAsync(tableName, cancellationToken).ConfigureAwait(false)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(DynamoStrings.TableWaitTimeout(tableName, WaitTimeout));
            }

            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, MaxPollInterval.Ticks));
        }

        return description;
    }
}

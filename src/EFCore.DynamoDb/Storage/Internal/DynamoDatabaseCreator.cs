using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>Creates and deletes the model's tables, waiting until DynamoDB reports them ready or gone.</summary>
public class DynamoDatabaseCreator(
    ICurrentDbContext currentContext,
    IDynamoClientWrapper client,
    IDynamoTableNameResolver tableNames) : IDatabaseCreator
{
    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan CanConnectTimeout = TimeSpan.FromSeconds(5);

    public virtual bool EnsureCreated() => EnsureCreatedAsync().GetAwaiter().GetResult();

    public virtual async Task<bool> EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        var created = false;
        foreach (var table in GetTables())
        {
            if (await client.DescribeTableAsync(table.TableName, cancellationToken).ConfigureAwait(false) != null)
            {
                continue;
            }

            await client.CreateTableAsync(table.ToCreateTableRequest(), cancellationToken).ConfigureAwait(false);
            await WaitUntilAsync(table.TableName, d => d?.TableStatus == TableStatus.ACTIVE, cancellationToken).ConfigureAwait(false);
            created = true;
        }

        return created;
    }

    public virtual bool EnsureDeleted() => EnsureDeletedAsync().GetAwaiter().GetResult();

    public virtual async Task<bool> EnsureDeletedAsync(CancellationToken cancellationToken = default)
    {
        var deleted = false;
        foreach (var table in GetTables())
        {
            if (await client.DeleteTableAsync(table.TableName, cancellationToken).ConfigureAwait(false))
            {
                await WaitUntilAsync(table.TableName, d => d == null, cancellationToken).ConfigureAwait(false);
                deleted = true;
            }
        }

        return deleted;
    }

    public virtual bool CanConnect() => CanConnectAsync().GetAwaiter().GetResult();

    public virtual async Task<bool> CanConnectAsync(CancellationToken cancellationToken = default)
    {
        // The SDK would retry an unreachable endpoint for minutes; a connection check answers sooner.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CanConnectTimeout);
        try
        {
            await client.Client.ListTablesAsync(new ListTablesRequest { Limit = 1 }, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception exception) when (exception is AmazonDynamoDBException or HttpRequestException or Amazon.Runtime.AmazonClientException)
        {
            return false;
        }
    }

    /// <summary>The distinct tables of the model, each with the root entity type that defines its key schema.</summary>
    protected virtual IEnumerable<DynamoTableSchema> GetTables()
        => currentContext.Context.Model.GetEntityTypes()
            .Where(e => e.BaseType == null && !e.IsOwned() && e.FindPrimaryKey() != null)
            .GroupBy(tableNames.Resolve)
            .Select(group => new DynamoTableSchema(group.Key, group.First()));

    private async Task WaitUntilAsync(string tableName, Func<TableDescription?, bool> isDone, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromMilliseconds(20);
        var deadline = DateTime.UtcNow + WaitTimeout;
        while (!isDone(await client.DescribeTableAsync(tableName, cancellationToken).ConfigureAwait(false)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(DynamoStrings.TableWaitTimeout(tableName, WaitTimeout));
            }

            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, MaxPollInterval.Ticks));
        }
    }
}

using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Creates the model's tables (with their indexes, billing and time to live) and inserts their seed data; deletes
///     them. Existing tables are checked, not changed: <c>UpdateDynamoSchema</c> changes them.
/// </summary>
public class DynamoDatabaseCreator(
    ICurrentDbContext currentContext,
    IDynamoClientWrapper client,
    IDynamoTableNameResolver tableNames,
    DynamoTableManager tables,
    DynamoSeedDataInserter seedData) : IDatabaseCreator
{
    private static readonly TimeSpan CanConnectTimeout = TimeSpan.FromSeconds(5);

    public virtual bool EnsureCreated() => EnsureCreatedAsync().GetAwaiter().GetResult();

    public virtual async Task<bool> EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        // Every existing table is checked before any is created, so a key mismatch changes nothing.
        var missing = new List<DynamoTableSchema>();
        foreach (var table in GetTables())
        {
            var description = await client.DescribeTableAsync(table.TableName, cancellationToken).ConfigureAwait(false);
            if (description == null)
            {
                missing.Add(table);
            }
            else
            {
                table.EnsureKeySchemaMatches(description);
            }
        }

        foreach (var table in missing)
        {
            await tables.CreateAsync(table, cancellationToken).ConfigureAwait(false);
        }

        await seedData.InsertAsync(missing.Select(t => t.TableName).ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        return missing.Count > 0;
    }

    public virtual bool EnsureDeleted() => EnsureDeletedAsync().GetAwaiter().GetResult();

    public virtual async Task<bool> EnsureDeletedAsync(CancellationToken cancellationToken = default)
    {
        var deleted = false;
        foreach (var table in GetTables())
        {
            deleted |= await tables.DeleteAsync(table.TableName, cancellationToken).ConfigureAwait(false);
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
    protected virtual IEnumerable<DynamoTableSchema> GetTables() => DynamoTableSchema.FromModel(currentContext.Context.Model, tableNames);
}

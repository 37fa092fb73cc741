using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Diagnostics.Internal;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Creates the model's tables (with their indexes, billing and time to live) and inserts their seed data; deletes
///     them. Existing tables are checked, not changed: a different key is an error, and a missing index or time to
///     live a warning, since <c>UpdateDynamoSchema</c> changes them.
/// </summary>
public class DynamoDatabaseCreator(
    ICurrentDbContext currentContext,
    IDynamoClientWrapper client,
    IDynamoTableNameResolver tableNames,
    DynamoTableManager tables,
    DynamoSeedDataInserter seedData,
    IDiagnosticsLogger<DbLoggerCategory.Database> logger) : IDatabaseCreator
{
    private static readonly TimeSpan CanConnectTimeout = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public virtual bool EnsureCreated() => EnsureCreatedAsync().GetAwaiter().GetResult();

    /// <inheritdoc />
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
                await WarnIfIncompleteAsync(table, description, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var table in missing)
        {
            await tables.CreateAsync(table, cancellationToken).ConfigureAwait(false);
        }

        await seedData.InsertAsync(missing.Select(t => t.TableName).ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        return missing.Count > 0;
    }

    // Time to live is not part of the table description: it is asked for only when the model has it.
    private async Task WarnIfIncompleteAsync(DynamoTableSchema table, TableDescription description, CancellationToken cancellationToken)
    {
        var timeToLive = table.TimeToLiveAttribute != null
            ? await client.DescribeTimeToLiveAsync(table.TableName, cancellationToken).ConfigureAwait(false)
            : null;
        var missing = table.DescribeMissing(description, timeToLive);
        if (missing.Count > 0)
        {
            logger.SchemaIncomplete(table.TableName, missing);
        }
    }

    /// <inheritdoc />
    public virtual bool EnsureDeleted() => EnsureDeletedAsync().GetAwaiter().GetResult();

    /// <inheritdoc />
    public virtual async Task<bool> EnsureDeletedAsync(CancellationToken cancellationToken = default)
    {
        var deleted = false;
        foreach (var table in GetTables())
        {
            deleted |= await tables.DeleteAsync(table.TableName, cancellationToken).ConfigureAwait(false);
        }

        return deleted;
    }

    /// <inheritdoc />
    public virtual bool CanConnect() => CanConnectAsync().GetAwaiter().GetResult();

    /// <inheritdoc />
    public virtual async Task<bool> CanConnectAsync(CancellationToken cancellationToken = default)
    {
        // The SDK would retry an unreachable endpoint for minutes; a connection check answers sooner.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CanConnectTimeout);
        try
        {
            await client.ListTablesAsync(timeout.Token).ConfigureAwait(false);
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

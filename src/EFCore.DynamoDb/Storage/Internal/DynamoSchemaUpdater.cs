using System.Diagnostics;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Diagnostics.Internal;

namespace EFCore.DynamoDb.Storage.Internal;

/// <inheritdoc />
public class DynamoSchemaUpdater(
    ICurrentDbContext currentContext,
    IDynamoClientWrapper client,
    IDynamoTableNameResolver tableNames,
    DynamoTableManager tables,
    DynamoSeedDataInserter seedData,
    IDiagnosticsLogger<DbLoggerCategory.Database> logger) : IDynamoSchemaUpdater
{
    /// <inheritdoc />
    public virtual async Task<IReadOnlyList<DynamoSchemaChange>> UpdateAsync(bool dryRun, CancellationToken cancellationToken)
    {
        // Every table is planned before any is changed, so a table whose key differs stops the update before it starts.
        var steps = new List<DynamoSchemaStep>();
        foreach (var table in DynamoTableSchema.FromModel(currentContext.Context.Model, tableNames))
        {
            var description = await client.DescribeTableAsync(table.TableName, cancellationToken).ConfigureAwait(false);
            var timeToLive = description != null && table.TimeToLiveAttribute != null
                ? await client.DescribeTimeToLiveAsync(table.TableName, cancellationToken).ConfigureAwait(false)
                : null;
            steps.AddRange(DynamoSchemaPlanner.Plan(table, description, timeToLive));
        }

        if (!dryRun)
        {
            var created = new HashSet<string>(StringComparer.Ordinal);
            foreach (var step in steps)
            {
                await ApplyAsync(step, cancellationToken).ConfigureAwait(false);
                logger.SchemaChanged(step.Change);
                if (step.Change.Kind == DynamoSchemaChangeKind.CreateTable)
                {
                    created.Add(step.Table.TableName);
                }
            }

            await seedData.InsertAsync(created, cancellationToken).ConfigureAwait(false);
        }

        return steps.Select(s => s.Change).ToList();
    }

    private Task ApplyAsync(DynamoSchemaStep step, CancellationToken cancellationToken)
        => step.Request switch
        {
            CreateTableRequest => tables.CreateAsync(step.Table, cancellationToken),
            UpdateTableRequest update => tables.UpdateAsync(update, cancellationToken),
            UpdateTimeToLiveRequest timeToLive => client.UpdateTimeToLiveAsync(timeToLive, cancellationToken),
            _ => throw new UnreachableException()
        };
}

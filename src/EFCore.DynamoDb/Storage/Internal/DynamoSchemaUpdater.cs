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
    IExecutionStrategyFactory executionStrategyFactory,
    IDiagnosticsLogger<DbLoggerCategory.Database> logger) : IDynamoSchemaUpdater
{
    /// <inheritdoc />
    public virtual async Task<IReadOnlyList<DynamoSchemaChange>> UpdateAsync(bool dryRun, CancellationToken cancellationToken)
    {
        if (dryRun)
        {
            return (await PlanAsync(waitUntilAtRest: false, cancellationToken).ConfigureAwait(false)).Select(s => s.Change).ToList();
        }

        // A change that fails transiently (throttling, a 500, an answer lost) is not sent again as it was: the attempt
        // the strategy retries plans again from what the tables are now, so a change an earlier attempt applied is not
        // repeated (adding the same index twice is an error) and the changes still missing are made.
        var progress = new Progress();
        await executionStrategyFactory.Create().ExecuteAsync(
                (Updater: this, Progress: progress),
                static (_, s, ct) => s.Updater.ApplyPlanAsync(s.Progress, ct),
                verifySucceeded: null,
                cancellationToken)
            .ConfigureAwait(false);
        await seedData.InsertAsync(progress.CreatedTables, cancellationToken).ConfigureAwait(false);
        return progress.Applied;
    }

    private async Task<bool> ApplyPlanAsync(Progress progress, CancellationToken cancellationToken)
    {
        var steps = await PlanAsync(waitUntilAtRest: true, cancellationToken).ConfigureAwait(false);

        // A change whose answer was lost and that the tables now show was made by that attempt.
        if (progress.Interrupted is { } interrupted && !steps.Any(s => s.Change == interrupted.Change))
        {
            Applied(progress, interrupted);
        }

        foreach (var step in steps)
        {
            progress.Interrupted = step;
            await ApplyAsync(step, cancellationToken).ConfigureAwait(false);
            Applied(progress, step);
        }

        progress.Interrupted = null;
        return true;
    }

    private void Applied(Progress progress, DynamoSchemaStep step)
    {
        logger.SchemaChanged(step.Change);
        progress.Applied.Add(step.Change);
        if (step.Change.Kind == DynamoSchemaChangeKind.CreateTable)
        {
            progress.CreatedTables.Add(step.Table.TableName);
        }
    }

    // Every table is planned before any is changed, so a table whose key differs stops the update before it starts. A
    // table still being changed (by another process, or by an attempt whose answer was lost) is changed further only once
    // it is done; a dry run, which changes nothing, plans it as it is.
    private async Task<List<DynamoSchemaStep>> PlanAsync(bool waitUntilAtRest, CancellationToken cancellationToken)
    {
        var steps = new List<DynamoSchemaStep>();
        foreach (var table in DynamoTableSchema.FromModel(currentContext.Context.Model, tableNames))
        {
            var description = waitUntilAtRest
                ? await tables.DescribeAtRestAsync(table.TableName, cancellationToken).ConfigureAwait(false)
                : await client.DescribeTableAsync(table.TableName, cancellationToken).ConfigureAwait(false);
            var timeToLive = description != null && table.TimeToLiveAttribute != null
                ? await client.DescribeTimeToLiveAsync(table.TableName, cancellationToken).ConfigureAwait(false)
                : null;
            steps.AddRange(DynamoSchemaPlanner.Plan(table, description, timeToLive));
        }

        return steps;
    }

    private Task ApplyAsync(DynamoSchemaStep step, CancellationToken cancellationToken)
        => step.Request switch
        {
            CreateTableRequest => tables.CreateAsync(step.Table, cancellationToken),
            UpdateTableRequest update => tables.UpdateAsync(update, cancellationToken),
            UpdateTimeToLiveRequest timeToLive => client.UpdateTimeToLiveAsync(timeToLive, cancellationToken),
            _ => throw new UnreachableException()
        };

    // What the attempts of one update have done so far, and the step an attempt was making when it failed.
    private sealed class Progress
    {
        public List<DynamoSchemaChange> Applied { get; } = [];

        public HashSet<string> CreatedTables { get; } = new(StringComparer.Ordinal);

        public DynamoSchemaStep? Interrupted { get; set; }
    }
}

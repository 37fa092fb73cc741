using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EFCore.DynamoDb.FunctionalTests.Storage;

/// <summary>
///     Flywheel's test_schema.py scenarios: UpdateDynamoSchema adds missing global indexes, changes throughput,
///     creates missing tables, reports what it changed, and in a dry run changes nothing.
/// </summary>
public sealed class SchemaUpdateTests : IAsyncDisposable
{
    private readonly DynamoDbTestStore _store = new("schema");
    private readonly List<DbContext> _contexts = [];

    private string TableName => _store.TablePrefix + "Tweets";

    [Fact]
    public async Task Add_index()
    {
        await CreateContext(_ => { }).Database.EnsureCreatedAsync();
        var updated = CreateContext(t => t.HasGlobalSecondaryIndex("city-index", x => x.City, x => x.Ts).ProjectsKeysOnly());
        _store.Recorder.Clear();

        var changes = await updated.Database.UpdateDynamoSchemaAsync();

        var change = Assert.Single(changes);
        Assert.Equal((TableName, "city-index", DynamoSchemaChangeKind.AddGlobalSecondaryIndex), (change.Table, change.Index, change.Kind));
        Assert.Contains("City (S, HASH), Ts (N, RANGE)", change.Description, StringComparison.Ordinal);
        Assert.Contains("KEYS_ONLY", change.Description, StringComparison.Ordinal);
        var index = Assert.Single((await DescribeAsync()).GlobalSecondaryIndexes);
        Assert.Equal(("city-index", IndexStatus.ACTIVE), (index.IndexName, index.IndexStatus));
        Assert.Contains(_store.Recorder.Log, l => l.Id == DynamoDbEventId.SchemaChanged && l.Message.Contains(change.Description, StringComparison.Ordinal));
        Assert.Contains("UpdateTable", _store.Recorder.Operations);

        Assert.Empty(await updated.Database.UpdateDynamoSchemaAsync());
    }

    [Fact]
    public async Task Add_index_dry_run_reports_but_changes_nothing()
    {
        await CreateContext(_ => { }).Database.EnsureCreatedAsync();
        var updated = CreateContext(t => t.HasGlobalSecondaryIndex("city-index", x => x.City));
        _store.Recorder.Clear();

        var changes = updated.Database.UpdateDynamoSchema(dryRun: true);

        Assert.Equal(DynamoSchemaChangeKind.AddGlobalSecondaryIndex, Assert.Single(changes).Kind);
        Assert.Null((await DescribeAsync()).GlobalSecondaryIndexes);
        Assert.DoesNotContain("UpdateTable", _store.Recorder.Operations);
        Assert.DoesNotContain(_store.Recorder.Log, l => l.Id == DynamoDbEventId.SchemaChanged);
        Assert.Equal(changes, await updated.Database.UpdateDynamoSchemaAsync(dryRun: true));
    }

    [Fact]
    public async Task No_changes()
    {
        var context = CreateContext(t =>
        {
            t.HasProvisionedThroughput(5, 5);
            t.HasGlobalSecondaryIndex("city-index", x => x.City).HasProvisionedThroughput(2, 1);
            t.HasLocalSecondaryIndex("ts-index", x => x.Ts);
            t.HasTimeToLive(x => x.ExpiresAt);
        });
        await context.Database.EnsureCreatedAsync();

        Assert.Empty(await context.Database.UpdateDynamoSchemaAsync());
    }

    [Fact]
    public async Task Alter_throughput_from_defaults()
    {
        await CreateContext(t =>
        {
            t.HasProvisionedThroughput(5, 5);
            t.HasGlobalSecondaryIndex("city-index", x => x.City);
        }).Database.EnsureCreatedAsync();
        var updated = CreateContext(t =>
        {
            t.HasProvisionedThroughput(10, 8);
            t.HasGlobalSecondaryIndex("city-index", x => x.City);
        });

        var changes = await updated.Database.UpdateDynamoSchemaAsync();

        Assert.Equal(
            [(null, DynamoSchemaChangeKind.ChangeThroughput), ("city-index", DynamoSchemaChangeKind.ChangeThroughput)],
            changes.Select(c => (c.Index, c.Kind)));
        Assert.Contains("from 5 read and 5 write capacity units to 10 read and 8 write capacity units", changes[0].Description, StringComparison.Ordinal);
        var table = await DescribeAsync();
        Assert.Equal((10L, 8L), Throughput(table.ProvisionedThroughput));
        Assert.Equal((10L, 8L), Throughput(Assert.Single(table.GlobalSecondaryIndexes).ProvisionedThroughput));
    }

    [Fact]
    public async Task Alter_throughput_directly()
    {
        await CreateContext(t =>
        {
            t.HasProvisionedThroughput(5, 5);
            t.HasGlobalSecondaryIndex("city-index", x => x.City).HasProvisionedThroughput(3, 3);
        }).Database.EnsureCreatedAsync();
        var updated = CreateContext(t =>
        {
            t.HasProvisionedThroughput(5, 5);
            t.HasGlobalSecondaryIndex("city-index", x => x.City).HasProvisionedThroughput(7, 4);
        });

        var change = Assert.Single(await updated.Database.UpdateDynamoSchemaAsync());

        Assert.Equal(("city-index", DynamoSchemaChangeKind.ChangeThroughput), (change.Index, change.Kind));
        Assert.Equal((7L, 4L), Throughput(Assert.Single((await DescribeAsync()).GlobalSecondaryIndexes).ProvisionedThroughput));
    }

    [Fact]
    public async Task Billing_switches_between_on_demand_and_provisioned()
    {
        await CreateContext(t => t.HasGlobalSecondaryIndex("city-index", x => x.City)).Database.EnsureCreatedAsync();
        var provisioned = CreateContext(t =>
        {
            t.HasProvisionedThroughput(4, 2);
            t.HasGlobalSecondaryIndex("city-index", x => x.City);
        });

        var change = Assert.Single(await provisioned.Database.UpdateDynamoSchemaAsync());

        Assert.Equal(DynamoSchemaChangeKind.ChangeBillingMode, change.Kind);
        Assert.Contains("from PAY_PER_REQUEST to PROVISIONED (4 read and 2 write capacity units)", change.Description, StringComparison.Ordinal);
        var table = await DescribeAsync();
        Assert.Equal((4L, 2L), Throughput(table.ProvisionedThroughput));
        Assert.Equal((4L, 2L), Throughput(Assert.Single(table.GlobalSecondaryIndexes).ProvisionedThroughput));
        Assert.Empty(await provisioned.Database.UpdateDynamoSchemaAsync());

        var onDemand = CreateContext(t => t.HasGlobalSecondaryIndex("city-index", x => x.City));
        Assert.Equal(DynamoSchemaChangeKind.ChangeBillingMode, Assert.Single(await onDemand.Database.UpdateDynamoSchemaAsync()).Kind);
        Assert.Equal(BillingMode.PAY_PER_REQUEST, (await DescribeAsync()).BillingModeSummary?.BillingMode);
        Assert.Empty(await onDemand.Database.UpdateDynamoSchemaAsync());
    }

    [Fact]
    public async Task A_missing_table_is_created_with_its_seed_data()
    {
        var context = CreateContext(t => t.HasData(new Tweet { UserId = "u1", Id = "t1", Text = "hello" }));

        Assert.Equal(DynamoSchemaChangeKind.CreateTable, Assert.Single(context.Database.UpdateDynamoSchema(dryRun: true)).Kind);
        Assert.DoesNotContain(TableName, (await context.Database.GetDynamoClient().ListTablesAsync()).TableNames ?? []);

        var change = Assert.Single(await context.Database.UpdateDynamoSchemaAsync());

        Assert.Equal((TableName, DynamoSchemaChangeKind.CreateTable), (change.Table, change.Kind));
        Assert.Equal(TableStatus.ACTIVE, (await DescribeAsync()).TableStatus);
        Assert.Equal("hello", (await context.Tweets.FindAsync("u1", "t1"))?.Text);
    }

    [Fact]
    public async Task Time_to_live_is_enabled_on_an_existing_table()
    {
        await CreateContext(_ => { }).Database.EnsureCreatedAsync();
        var updated = CreateContext(t => t.HasTimeToLive(x => x.ExpiresAt));

        var change = Assert.Single(await updated.Database.UpdateDynamoSchemaAsync());

        Assert.Equal(DynamoSchemaChangeKind.EnableTimeToLive, change.Kind);
        var timeToLive = (await updated.Database.GetDynamoClient().DescribeTimeToLiveAsync(TableName)).TimeToLiveDescription;
        Assert.Equal(("ExpiresAt", TimeToLiveStatus.ENABLED), (timeToLive.AttributeName, timeToLive.TimeToLiveStatus));
        Assert.Empty(await updated.Database.UpdateDynamoSchemaAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (_contexts.Count > 0)
        {
            await _contexts[0].Database.EnsureDeletedAsync();
        }

        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }

    private async Task<TableDescription> DescribeAsync()
        => (await _contexts[0].Database.GetDynamoClient().DescribeTableAsync(TableName)).Table;

    private TweetContext CreateContext(Action<EntityTypeBuilder<Tweet>> configure)
    {
        var context = new TweetContext(_store.CreateOptions<TweetContext>(), configure);
        _contexts.Add(context);
        return context;
    }

    private static (long, long) Throughput(ProvisionedThroughputDescription throughput)
        => (throughput.ReadCapacityUnits!.Value, throughput.WriteCapacityUnits!.Value);
}

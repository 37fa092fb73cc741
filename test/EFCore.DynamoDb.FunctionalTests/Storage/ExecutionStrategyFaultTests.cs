using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.FunctionalTests.Storage;

/// <summary>
///     Every request runs under the execution strategy: throttling, or a 500 after DynamoDB applied the request, on the
///     first attempt of one request is retried by the strategy alone (the SDK's retries are off), once, and logged.
/// </summary>
public class ExecutionStrategyFaultTests : IClassFixture<ExecutionStrategyFaultTests.Fixture>
{
    private readonly Fixture _fixture;

    public ExecutionStrategyFaultTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    public static TheoryData<ProxyFault> Faults => new() { ProxyFault.Throttle, ProxyFault.LoseWith500 };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_query_is_retried(ProxyFault fault)
    {
        var group = $"query-{fault}";
        await SeedAsync(group, 3);
        await using var proxy = new FaultInjectingProxy(r => r is { Operation: "Query", Number: 1 } ? fault : ProxyFault.None);
        await using (var db = CreateContext(proxy))
        {
            Assert.Equal([0, 1, 2], await db.Items.Where(i => i.Group == group).Select(i => i.Id).ToListAsync());
        }

        AssertRetriedOnce(proxy, "Query", requests: 1, fault);
    }

    // A strategy per read would cost each read EF's list of exceptions and a seeded Random: reads one after another
    // share the context's own strategy (the one EF Core creates for every context, its saves' strategy), and it still
    // retries (with a fresh count) each time.
    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Reads_one_after_another_share_one_strategy_which_still_retries_each(ProxyFault fault)
    {
        var group = $"shared-{fault}";
        await SeedAsync(group, 2);
        await using var proxy = new FaultInjectingProxy(r => r is { Operation: "Query", Number: 2 or 4 } ? fault : ProxyFault.None);
        var created = 0;
        await using (var db = CreateContext(
                         proxy,
                         configure: d => d.ExecutionStrategy(
                             c =>
                             {
                                 created++;
                                 return new DynamoExecutionStrategy(c, 1, TimeSpan.FromMilliseconds(20));
                             })))
        {
            var query = db.Items.Where(i => i.Group == group).Select(i => i.Id);
            Assert.Equal([0, 1], await query.ToListAsync());
            Assert.Equal([0, 1], await query.ToListAsync());
            Assert.Equal([0, 1], await query.ToListAsync());

            Assert.Equal(1, created);
        }

        // Each retried read failed once and succeeded on its one allowed retry.
        Assert.Equal(5, proxy.Received("Query"));
        Assert.Equal(2, _fixture.Store.Recorder.Log.Count(l => l.Id == CoreEventId.ExecutionStrategyRetrying));
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_page_of_a_paged_query_is_retried_on_its_own(ProxyFault fault)
    {
        var group = $"paged-{fault}";
        await SeedAsync(group, 5);

        // Pages of 2, 2 and 1; the second page's first attempt fails.
        await using var proxy = new FaultInjectingProxy(r => r is { Operation: "Query", Number: 2 } ? fault : ProxyFault.None);
        await using (var db = CreateContext(proxy))
        {
            Assert.Equal([0, 1, 2, 3, 4], await db.Items.Where(i => i.Group == group).WithPageSize(2).Select(i => i.Id).ToListAsync());
        }

        AssertRetriedOnce(proxy, "Query", requests: 3, fault);
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_segment_of_a_parallel_scan_is_retried_on_its_own(ProxyFault fault)
    {
        var group = $"scan-{fault}";
        await SeedAsync(group, 4);
        await using var proxy = new FaultInjectingProxy(r => r is { Operation: "Scan", Number: 1 } ? fault : ProxyFault.None);
        await using (var db = CreateContext(proxy))
        {
            Assert.Equal(
                [0, 1, 2, 3],
                (await db.Items.Where(i => i.Text == group).WithParallelScan(3).Select(i => i.Id).ToListAsync()).Order());
        }

        AssertRetriedOnce(proxy, "Scan", requests: 3, fault);
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task An_item_write_of_ExecuteUpdate_is_retried_on_its_own(ProxyFault fault)
    {
        var group = $"update-{fault}";
        await SeedAsync(group, 3);
        await using var proxy = new FaultInjectingProxy(r => r is { Operation: "UpdateItem", Number: 2 } ? fault : ProxyFault.None);
        await using (var db = CreateContext(proxy))
        {
            Assert.Equal(3, await db.Items.Where(i => i.Group == group).ExecuteUpdateAsync(s => s.SetProperty(i => i.Count, 7)));
        }

        AssertRetriedOnce(proxy, "UpdateItem", requests: 3, fault);
        await using var check = _fixture.CreateContext();
        Assert.Equal([7, 7, 7], await check.Items.Where(i => i.Group == group).Select(i => i.Count).ToListAsync());
    }

    [Fact]
    public async Task An_ExecuteUpdate_whose_item_write_is_throttled_without_retries_says_how_many_items_stay_written()
    {
        const string group = "update-not-retried";
        await SeedAsync(group, 3);
        await using var proxy = new FaultInjectingProxy(r => r is { Operation: "UpdateItem", Number: 2 } ? ProxyFault.Throttle : ProxyFault.None);
        await using (var db = CreateContext(proxy, configure: d => d.ExecutionStrategy(c => new Microsoft.EntityFrameworkCore.Storage.NonRetryingExecutionStrategy(c))))
        {
            var exception = await Assert.ThrowsAsync<DbUpdateException>(
                () => db.Items.Where(i => i.Group == group).ExecuteUpdateAsync(s => s.SetProperty(i => i.Count, 7)));

            Assert.StartsWith($"ExecuteUpdate on '{nameof(Item)}' in table ", exception.Message);
            Assert.Contains("failed after 1 items were written, which stay written", exception.Message);
            Assert.True(DynamoExecutionStrategy.IsTransient(exception.InnerException!));
        }

        Assert.Equal(2, proxy.Received("UpdateItem"));
        await using var check = _fixture.CreateContext();
        Assert.Equal(1, await check.Items.CountAsync(i => i.Group == group && i.Count == 7));
    }

    [Fact]
    public async Task A_throttled_batch_write_is_sent_again_by_the_batch_loop_not_by_the_strategy()
    {
        // 30 inserts without a transaction are two BatchWriteItems (25 and 5); the first is throttled once.
        const string group = "batch-throttled";
        await using var proxy = new FaultInjectingProxy(r => r is { Operation: "BatchWriteItem", Number: 1 } ? ProxyFault.Throttle : ProxyFault.None);
        await using (var db = CreateContext(proxy, configure: d => d.ConflictMode(ConflictMode.Overwrite)))
        {
            db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
            db.Items.AddRange(Enumerable.Range(0, 30).Select(i => new Item { Group = group, Id = i }));
            await db.SaveChangesAsync();
        }

        Assert.Equal(3, proxy.Received("BatchWriteItem"));
        Assert.Equal(2, proxy.Forwarded("BatchWriteItem"));
        Assert.Equal(1, _fixture.Store.Recorder.Log.Count(l => l.Id == DynamoDbEventId.BatchRetrying));
        Assert.DoesNotContain(_fixture.Store.Recorder.Log, l => l.Id == CoreEventId.ExecutionStrategyRetrying);
        await using var check = _fixture.CreateContext();
        Assert.Equal(30, await check.Items.CountAsync(i => i.Group == group));
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task EnsureCreated_retries_a_CreateTable_and_a_DescribeTable(ProxyFault fault)
    {
        // A CreateTable applied with its answer lost is retried, finds the table in use and goes on waiting for ACTIVE.
        await using var proxy = new FaultInjectingProxy(
            r => r is { Operation: "CreateTable" or "DescribeTable", Number: 1 } ? fault : ProxyFault.None);
        var prefix = $"{_fixture.Store.TablePrefix}created-{fault}-";
        await using (var db = CreateContext(proxy, prefix))
        {
            Assert.True(await db.Database.EnsureCreatedAsync());
            db.Items.Add(new Item { Group = "g", Id = 1 });
            await db.SaveChangesAsync();
            await db.Database.EnsureDeletedAsync();
        }

        Assert.Equal(2, proxy.Received("CreateTable"));
        Assert.Equal(fault == ProxyFault.Throttle ? 1 : 2, proxy.Forwarded("CreateTable"));
        Assert.Equal(2, _fixture.Store.Recorder.Log.Count(l => l.Id == CoreEventId.ExecutionStrategyRetrying));
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task UpdateDynamoSchema_plans_again_after_a_failed_UpdateTable_and_adds_the_index_once(ProxyFault fault)
    {
        // A 500 after DynamoDB added the index must not send the same UpdateTable again (a second add is an error): the
        // retried attempt plans again, finds the index and reports the change as made.
        await using var proxy = new FaultInjectingProxy(r => r is { Operation: "UpdateTable", Number: 1 } ? fault : ProxyFault.None);
        var prefix = $"{_fixture.Store.TablePrefix}updated-{fault}-";
        await using (var db = CreateContext(proxy, prefix))
        {
            Assert.True(await db.Database.EnsureCreatedAsync());
        }

        await using (var db = new LaterItemContext(CreateOptions(proxy, prefix)))
        {
            Assert.Equal(
                [DynamoSchemaChangeKind.AddGlobalSecondaryIndex, DynamoSchemaChangeKind.EnableTimeToLive],
                (await db.Database.UpdateDynamoSchemaAsync()).Select(c => c.Kind));
            Assert.Empty(await db.Database.UpdateDynamoSchemaAsync(dryRun: true));

            db.Items.Add(new Item { Group = "g", Id = 1, Text = "t" });
            await db.SaveChangesAsync();
            Assert.Equal([1], await db.Items.Where(i => i.Text == "t").Select(i => i.Id).ToListAsync());
            await db.Database.EnsureDeletedAsync();
        }

        Assert.Equal(fault == ProxyFault.Throttle ? 2 : 1, proxy.Received("UpdateTable"));
        Assert.Equal(1, proxy.Forwarded("UpdateTable"));
        // At least the injected fault's retry: DynamoDB Local itself now and then answers a schema request with a 500.
        Assert.Contains(_fixture.Store.Recorder.Log, l => l.Id == CoreEventId.ExecutionStrategyRetrying);
        Assert.Equal(2, _fixture.Store.Recorder.Log.Count(l => l.Id == DynamoDbEventId.SchemaChanged));
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task EnsureCreated_enables_time_to_live_once_when_the_first_attempt_fails(ProxyFault fault)
    {
        // DynamoDB refuses to enable a time to live twice: a retry after a lost answer asks first.
        await using var proxy = new FaultInjectingProxy(r => r is { Operation: "UpdateTimeToLive", Number: 1 } ? fault : ProxyFault.None);
        var prefix = $"{_fixture.Store.TablePrefix}ttl-{fault}-";
        await using (var db = new LaterItemContext(CreateOptions(proxy, prefix)))
        {
            Assert.True(await db.Database.EnsureCreatedAsync());
            Assert.Empty(await db.Database.UpdateDynamoSchemaAsync(dryRun: true));
            await db.Database.EnsureDeletedAsync();
        }

        Assert.Equal(fault == ProxyFault.Throttle ? 2 : 1, proxy.Received("UpdateTimeToLive"));
        Assert.Equal(1, proxy.Forwarded("UpdateTimeToLive"));
        Assert.Equal(1, _fixture.Store.Recorder.Log.Count(l => l.Id == CoreEventId.ExecutionStrategyRetrying));
    }

    // The provider's strategy runs an operation without a success check in its own loop; reads inside it are not retried
    // on their own, so a failed read runs the whole operation again, as EF Core's strategy does.
    [Theory]
    [MemberData(nameof(Faults))]
    public async Task An_operation_under_the_strategy_is_retried_whole_and_its_reads_not_on_their_own(ProxyFault fault)
    {
        var group = $"outer-{fault}";
        await SeedAsync(group, 2);
        await using var proxy = new FaultInjectingProxy(r => r is { Operation: "Query", Number: 2 } ? fault : ProxyFault.None);
        await using (var db = CreateContext(proxy))
        {
            var attempts = 0;
            var counts = await db.Database.CreateExecutionStrategy().ExecuteAsync(
                async () =>
                {
                    attempts++;
                    var first = await db.Items.CountAsync(i => i.Group == group);
                    var second = await db.Items.CountAsync(i => i.Group == group && i.Id > 0);
                    return (first, second);
                });

            Assert.Equal((2, 1), counts);
            Assert.Equal(2, attempts);
        }

        Assert.Equal(4, proxy.Received("Query"));
        Assert.Equal(1, _fixture.Store.Recorder.Log.Count(l => l.Id == CoreEventId.ExecutionStrategyRetrying));
    }

    // An operation with a success check keeps EF Core's semantics: a failed attempt that the check finds successful is
    // not run again.
    [Fact]
    public async Task An_operation_whose_success_check_passes_after_a_failure_is_not_run_again()
    {
        var group = "verified";
        await SeedAsync(group, 2);
        await using var proxy = new FaultInjectingProxy(r => r is { Operation: "Query", Number: 1 } ? ProxyFault.Throttle : ProxyFault.None);
        await using (var db = CreateContext(proxy))
        {
            var attempts = 0;
            var count = await db.Database.CreateExecutionStrategy().ExecuteAsync(
                group,
                async (context, g, ct) =>
                {
                    attempts++;
                    return await ((ItemContext)context).Items.CountAsync(i => i.Group == g, ct);
                },
                async (context, g, ct) => new ExecutionResult<int>(true, await ((ItemContext)context).Items.CountAsync(i => i.Group == g, ct)));

            Assert.Equal(2, count);
            Assert.Equal(1, attempts);
        }

        Assert.Equal(2, proxy.Received("Query"));
        Assert.DoesNotContain(_fixture.Store.Recorder.Log, l => l.Id == CoreEventId.ExecutionStrategyRetrying);
    }

    private void AssertRetriedOnce(FaultInjectingProxy proxy, string operation, int requests, ProxyFault fault)
    {
        Assert.Equal(requests + 1, proxy.Received(operation));
        Assert.Equal(fault == ProxyFault.Throttle ? requests : requests + 1, proxy.Forwarded(operation));
        Assert.Equal(1, _fixture.Store.Recorder.Log.Count(l => l.Id == CoreEventId.ExecutionStrategyRetrying));
    }

    private async Task SeedAsync(string group, int count)
    {
        await using var db = _fixture.CreateContext();
        db.Items.AddRange(Enumerable.Range(0, count).Select(i => new Item { Group = group, Id = i, Text = group }));
        await db.SaveChangesAsync();
    }

    private ItemContext CreateContext(
        FaultInjectingProxy proxy,
        string? tablePrefix = null,
        Action<DynamoDbContextOptionsBuilder>? configure = null)
        => new(CreateOptions(proxy, tablePrefix, configure));

    private DbContextOptions CreateOptions(
        FaultInjectingProxy proxy,
        string? tablePrefix = null,
        Action<DynamoDbContextOptionsBuilder>? configure = null)
        => new DbContextOptionsBuilder().AllowManyServiceProviders()
            .UseDynamoDb(
                d =>
                {
                    d.TableNamePrefix(tablePrefix ?? _fixture.Store.TablePrefix).EnableRetryOnFailure(3, TimeSpan.FromMilliseconds(20));
                    configure?.Invoke(d);
                })
            .UseApplicationServiceProvider(proxy.CreateClientServices(sdkRetries: false))
            .LogTo((_, _) => true, _fixture.Store.Recorder.Record)
            .Options;

    public class Item
    {
        public string Group { get; set; } = null!;

        public int Id { get; set; }

        public string? Text { get; set; }

        public int Count { get; set; }

        public DateTime? ExpiresAt { get; set; }
    }

    public class ItemContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Item> Items => Set<Item>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<Item>().HasKey(i => new { i.Group, i.Id });
    }

    /// <summary>The same table in a later model, with a global index on <c>Text</c> and a time to live.</summary>
    public class LaterItemContext(DbContextOptions options) : ItemContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            base.OnModelCreating(modelBuilder);
            modelBuilder.Entity<Item>().HasGlobalSecondaryIndex("text-index", i => i.Text);
            modelBuilder.Entity<Item>().HasTimeToLive(i => i.ExpiresAt);
        }
    }

    public class Fixture() : DynamoDbFixture<ItemContext>("strategy", options => new ItemContext(options));
}

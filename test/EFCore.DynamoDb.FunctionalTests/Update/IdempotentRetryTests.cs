using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Update;

/// <summary>
///     A save is applied exactly once, even when DynamoDB applied a request and its answer was lost: the SDK's own
///     retries and the execution strategy's re-run of <c>SaveChanges</c> send the same client request token.
/// </summary>
public class IdempotentRetryTests : IClassFixture<IdempotentRetryTests.Fixture>
{
    private readonly Fixture _fixture;

    public IdempotentRetryTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    public static TheoryData<bool, ProxyFault> Faults
        => new()
        {
            { false, ProxyFault.LoseWith500 },
            { false, ProxyFault.CutConnection },
            { true, ProxyFault.LoseWith500 },
            { true, ProxyFault.CutConnection }
        };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_transactional_insert_whose_answer_is_lost_is_written_once(bool sdkRetries, ProxyFault fault)
    {
        var user = $"insert-{sdkRetries}-{fault}";
        await using var proxy = new FaultInjectingProxy(r => r is { Operation: "TransactWriteItems", Number: 1 } ? fault : ProxyFault.None);
        await using (var db = CreateContext(proxy, sdkRetries))
        {
            var items = Enumerable.Range(0, 25).Select(i => new Item { Group = user, Id = i, Text = "t" + i }).ToList();
            db.Items.AddRange(items);
            Assert.Equal(25, await db.SaveChangesAsync());
            Assert.All(items, i => Assert.Equal(EntityState.Unchanged, db.Entry(i).State));
        }

        // The first request was applied and its answer lost; the one retry carried the same token and succeeded.
        Assert.Equal(2, proxy.Forwarded("TransactWriteItems"));
        await using var check = _fixture.CreateContext();
        Assert.Equal(25, await check.Items.CountAsync(i => i.Group == user));
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task An_increment_of_two_counters_whose_answer_is_lost_is_applied_once(bool sdkRetries, ProxyFault fault)
    {
        var user = $"count-{sdkRetries}-{fault}";
        await SeedAsync(new Counter { Group = user, Id = 1, Count = 10 }, new Counter { Group = user, Id = 2, Count = 20 });

        await using var proxy = new FaultInjectingProxy(r => r is { Operation: "TransactWriteItems", Number: 1 } ? fault : ProxyFault.None);
        await using (var db = CreateContext(proxy, sdkRetries))
        {
            var counters = await db.Counters.Where(i => i.Group == user).ToListAsync();
            counters.ForEach(c => db.Entry(c).Property(i => i.Count).Increment(1));
            await db.SaveChangesAsync();

            // The entries hold the values DynamoDB computed.
            Assert.Equal([11, 21], counters.OrderBy(c => c.Id).Select(c => c.Count));
        }

        Assert.Equal(2, proxy.Forwarded("TransactWriteItems"));
        Assert.Equal([11, 21], await StoredCountersAsync(user));
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_lone_increment_whose_answer_is_lost_is_applied_once(bool sdkRetries, ProxyFault fault)
    {
        var user = $"lone-{sdkRetries}-{fault}";
        await SeedAsync(new Counter { Group = user, Id = 1, Count = 10 });

        await using var proxy = new FaultInjectingProxy(r => r is { Operation: "TransactWriteItems", Number: 1 } ? fault : ProxyFault.None);
        await using (var db = CreateContext(proxy, sdkRetries))
        {
            var counter = (await db.Counters.FindAsync(user, 1))!;
            db.Entry(counter).Property(i => i.Count).Increment(5);
            await db.SaveChangesAsync();
            Assert.Equal(15, counter.Count);
        }

        Assert.Equal(0, proxy.Received("UpdateItem"));
        Assert.Equal(2, proxy.Forwarded("TransactWriteItems"));
        Assert.Equal([15], await StoredCountersAsync(user));
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_transfer_with_row_versions_whose_answer_is_lost_moves_the_money_once(bool sdkRetries, ProxyFault fault)
    {
        var user = $"transfer-{sdkRetries}-{fault}";
        await SeedAsync(new Item { Group = user, Id = 1, Count = 100 }, new Item { Group = user, Id = 2, Count = 0 });

        await using var proxy = new FaultInjectingProxy(r => r is { Operation: "TransactWriteItems", Number: 1 } ? fault : ProxyFault.None);
        await using (var db = CreateContext(proxy, sdkRetries))
        {
            var accounts = await db.Items.Where(i => i.Group == user).OrderBy(i => i.Id).ToListAsync();
            accounts[0].Count -= 30;
            accounts[1].Count += 30;
            await db.SaveChangesAsync();
            Assert.Equal([2, 2], accounts.Select(a => a.Version));
        }

        Assert.Equal(2, proxy.Forwarded("TransactWriteItems"));
        Assert.Equal([70, 30], await StoredCountsAsync(user));
        await using var check = _fixture.CreateContext();
        Assert.Equal([2, 2], await check.Items.Where(i => i.Group == user).Select(i => i.Version).ToListAsync());
    }

    // Lost with a 500, so the SDK gives up and the execution strategy re-runs the save: a connection cut mid-answer is
    // resent below the provider (by the AWS SDK's HTTP layer, even with MaxErrorRetry = 0), where no retry can be known.
    [Fact]
    public async Task A_lone_conditional_write_retried_after_its_answer_was_lost_finds_its_own_write()
    {
        const string user = "alone";
        await SeedAsync(new Item { Group = user, Id = 1, Text = "old" });

        await using var proxy = new FaultInjectingProxy(
            r => r is { Operation: "PutItem" or "UpdateItem", Number: 1 } ? ProxyFault.LoseWith500 : ProxyFault.None);
        await using (var db = CreateContext(proxy, sdkRetries: false))
        {
            var inserted = new Item { Group = user, Id = 2, Text = "new" };
            db.Items.Add(inserted);
            await db.SaveChangesAsync();
            Assert.Equal(EntityState.Unchanged, db.Entry(inserted).State);

            var updated = (await db.Items.FindAsync(user, 1))!;
            updated.Text = "changed";
            await db.SaveChangesAsync();
            Assert.Equal(2, updated.Version);
        }

        Assert.Equal(2, proxy.Forwarded("PutItem"));
        Assert.Equal(2, proxy.Forwarded("UpdateItem"));
        await using var check = _fixture.CreateContext();
        Assert.Equal(
            ["changed:2", "new:1"],
            (await check.Items.Where(i => i.Group == user).OrderBy(i => i.Id).ToListAsync()).Select(i => $"{i.Text}:{i.Version}"));
    }

    [Fact]
    public async Task Concurrent_increments_under_throttling_and_lost_answers_end_exact()
    {
        const string user = "concurrent";
        await SeedAsync(new Counter { Group = user, Id = 1 });

        // Every fifth request is throttled before it reaches DynamoDB, every seventh applied and answered 500, every
        // eleventh applied and cut: deterministic, so the run is bounded.
        var requests = 0;
        await using var proxy = new FaultInjectingProxy(r =>
        {
            if (r.Operation != "TransactWriteItems")
            {
                return ProxyFault.None;
            }

            var n = Interlocked.Increment(ref requests);
            return n % 5 == 0 ? ProxyFault.Throttle : n % 7 == 0 ? ProxyFault.LoseWith500 : n % 11 == 0 ? ProxyFault.CutConnection : ProxyFault.None;
        });

        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var db = CreateContext(proxy, sdkRetries: false, maxRetryCount: 20);
            var counter = (await db.Counters.FindAsync(user, 1))!;
            for (var i = 0; i < 50; i++)
            {
                db.Entry(counter).Property(c => c.Count).Increment(1);
                await db.SaveChangesAsync();
            }
        }));

        Assert.Equal([400], await StoredCountersAsync(user));
        Assert.True(proxy.Received("TransactWriteItems") > 400);
    }

    private async Task SeedAsync(params object[] entities)
    {
        await using var db = _fixture.CreateContext();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    private async Task<List<int>> StoredCountersAsync(string group)
    {
        await using var check = _fixture.CreateContext();
        return await check.Counters.Where(c => c.Group == group).OrderBy(c => c.Id).Select(c => c.Count).ToListAsync();
    }

    private async Task<List<int>> StoredCountsAsync(string group)
    {
        await using var check = _fixture.CreateContext();
        return await check.Items.Where(i => i.Group == group).OrderBy(i => i.Id).Select(i => i.Count).ToListAsync();
    }

    // The client is the application's, pointed at the proxy (a ServiceUrl per proxy would build an EF service provider
    // per test); without the SDK's retries every lost answer reaches the execution strategy.
    private ItemContext CreateContext(FaultInjectingProxy proxy, bool sdkRetries, int maxRetryCount = 6)
        => new(new DbContextOptionsBuilder<ItemContext>().AllowManyServiceProviders()
            .UseDynamoDb(d => d.TableNamePrefix(_fixture.Store.TablePrefix).EnableRetryOnFailure(maxRetryCount, TimeSpan.FromMilliseconds(50)))
            .UseApplicationServiceProvider(proxy.CreateClientServices(sdkRetries))
            .LogTo((_, _) => true, _fixture.Store.Recorder.Record)
            .Options);

    public class Item
    {
        public string Group { get; set; } = null!;

        public int Id { get; set; }

        public string? Text { get; set; }

        public int Count { get; set; }

        public long Version { get; set; }
    }

    public class Counter
    {
        public string Group { get; set; } = null!;

        public int Id { get; set; }

        public int Count { get; set; }
    }

    public class ItemContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Item> Items => Set<Item>();

        public DbSet<Counter> Counters => Set<Counter>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Item>(item =>
            {
                item.HasKey(i => new { i.Group, i.Id });
                item.Property(i => i.Version).IsRowVersion();
            });
            modelBuilder.Entity<Counter>().HasKey(c => new { c.Group, c.Id });
        }
    }

    public class Fixture() : DynamoDbFixture<ItemContext>("retries", options => new ItemContext(options));
}

using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Update;

/// <summary>
///     ExecutePartiQL under faults: a statement whose answer is lost after DynamoDB applied it is never sent again (it may
///     not be idempotent) and fails saying its outcome is unknown; a throttled one, which DynamoDB refused, is retried and
///     applied once.
/// </summary>
public class ExecutePartiQLFaultTests : IClassFixture<ExecutePartiQLFaultTests.Fixture>
{
    private readonly Fixture _fixture;

    public ExecutePartiQLFaultTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    [Fact]
    public Task An_increment_answered_500_after_it_was_applied_is_not_sent_again_and_says_its_outcome_is_unknown()
        => AssertAppliedOnceAndOutcomeUnknownAsync(ProxyFault.LoseWith500);

    // Measured: the proxy receives the statement twice and the counter ends at 12, while the provider saw one request
    // that succeeded. The resend happens inside the AWS SDK's HTTP layer (as IdempotentRetryTests notes for
    // TransactWriteItems, where the client request token makes it harmless), below the client wrapper.
    [Fact(Skip = "A connection cut mid-answer is resent by the AWS SDK below the provider, even with MaxErrorRetry = 0")]
    public Task An_increment_whose_connection_is_cut_mid_answer_is_not_sent_again_and_says_its_outcome_is_unknown()
        => AssertAppliedOnceAndOutcomeUnknownAsync(ProxyFault.CutConnection);

    [Fact]
    public async Task A_throttled_increment_is_retried_and_applied_once()
    {
        const string owner = "throttled";
        await SeedAsync(owner);
        await using var proxy = new FaultInjectingProxy(r => r is { Operation: "ExecuteStatement", Number: 1 } ? ProxyFault.Throttle : ProxyFault.None);
        await using (var db = CreateContext(proxy))
        {
            Assert.Equal(1, await IncrementAsync(db, owner));
        }

        Assert.Equal(2, proxy.Received("ExecuteStatement"));
        Assert.Equal(1, proxy.Forwarded("ExecuteStatement"));
        Assert.Equal(1, _fixture.Store.Recorder.Log.Count(l => l.Id == CoreEventId.ExecutionStrategyRetrying));
        Assert.Equal(11, await StoredCountAsync(owner));
    }

    private async Task AssertAppliedOnceAndOutcomeUnknownAsync(ProxyFault fault)
    {
        var owner = $"lost-{fault}";
        await SeedAsync(owner);
        await using var proxy = new FaultInjectingProxy(r => r is { Operation: "ExecuteStatement", Number: 1 } ? fault : ProxyFault.None);
        await using (var db = CreateContext(proxy))
        {
            var failure = await Assert.ThrowsAsync<DbUpdateException>(() => IncrementAsync(db, owner));

            Assert.StartsWith("The PartiQL statement \"UPDATE ", failure.Message, StringComparison.Ordinal);
            Assert.Contains("does not tell whether DynamoDB applied it", failure.Message, StringComparison.Ordinal);
            Assert.Contains("SET \"Count\" = \"Count\" + ? WHERE", failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(owner, failure.Message, StringComparison.Ordinal);
        }

        Assert.Equal(1, proxy.Received("ExecuteStatement"));
        Assert.Equal(1, proxy.Forwarded("ExecuteStatement"));
        Assert.DoesNotContain(_fixture.Store.Recorder.Log, l => l.Id == CoreEventId.ExecutionStrategyRetrying);
        Assert.Equal(11, await StoredCountAsync(owner));
    }

    private static Task<int> IncrementAsync(CounterContext db, string owner)
        => db.Database.ExecutePartiQLAsync($"UPDATE {db.Counters} SET \"Count\" = \"Count\" + {1} WHERE \"Owner\" = {owner} AND \"Id\" = {1}");

    private async Task SeedAsync(string owner)
    {
        await using var db = _fixture.CreateContext();
        db.Counters.Add(new Counter { Owner = owner, Id = 1, Count = 10 });
        await db.SaveChangesAsync();
    }

    private async Task<int> StoredCountAsync(string owner)
    {
        await using var check = _fixture.CreateContext();
        return (await check.Counters.AsNoTracking().SingleAsync(c => c.Owner == owner && c.Id == 1)).Count;
    }

    // The application's client, pointed at the proxy, without the SDK's own retries (as the provider configures its
    // own client): every failure reaches the provider.
    private CounterContext CreateContext(FaultInjectingProxy proxy)
        => new(new DbContextOptionsBuilder<CounterContext>().AllowManyServiceProviders()
            .UseDynamoDb(d => d.TableNamePrefix(_fixture.Store.TablePrefix).EnableRetryOnFailure(3, TimeSpan.FromMilliseconds(20)))
            .UseApplicationServiceProvider(proxy.CreateClientServices(sdkRetries: false))
            .LogTo((_, _) => true, _fixture.Store.Recorder.Record)
            .Options);

    public class Counter
    {
        public string Owner { get; set; } = null!;

        public int Id { get; set; }

        public int Count { get; set; }
    }

    public class CounterContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Counter> Counters => Set<Counter>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<Counter>().HasKey(c => new { c.Owner, c.Id });
    }

    public class Fixture() : DynamoDbFixture<CounterContext>("partiql-faults", options => new CounterContext(options));
}

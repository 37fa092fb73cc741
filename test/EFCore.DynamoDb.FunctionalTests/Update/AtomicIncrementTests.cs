using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Update;

/// <summary>Flywheel's incr_ scenarios: atomic increments sent as ADD, so concurrent increments never lose an update.</summary>
public class AtomicIncrementTests : IClassFixture<AtomicIncrementTests.Fixture>
{
    private readonly Fixture _fixture;

    public AtomicIncrementTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private async Task SeedAsync(string id)
    {
        await using var db = _fixture.CreateContext();
        db.Counters.Add(new Counter { Id = id, Score = 1.5, Balance = 10m });
        await db.SaveChangesAsync();
        _fixture.Store.Recorder.Clear();
    }

    [Fact]
    public async Task Incr_changes_the_local_value_at_once_and_sends_ADD()
    {
        await SeedAsync("incr");
        await using var db = _fixture.CreateContext();
        var counter = (await db.Counters.FindAsync("incr"))!;

        db.Entry(counter).Property(c => c.Wins).Increment(5);
        Assert.Equal(5, counter.Wins);
        await db.SaveChangesAsync();

        var update = _fixture.Store.Recorder.Requests.Single(r => r.Operation == "UpdateItem");
        // The composite Tag, computed from Wins, is set in the same request; nothing is conditioned.
        Assert.Matches(@"Update: SET #n\d = :v\d ADD #n\d :v\d", update.Expressions);
        Assert.DoesNotContain("Condition", update.Expressions, StringComparison.Ordinal);
        Assert.Equal(5, counter.Wins);
        Assert.Equal(EntityState.Unchanged, db.Entry(counter).State);
    }

    [Fact]
    public async Task Incr_float_decimal_and_double_incr()
    {
        await SeedAsync("kinds");
        await using var db = _fixture.CreateContext();
        var counter = (await db.Counters.FindAsync("kinds"))!;

        db.Entry(counter).Property(c => c.Score).Increment(0.25);
        db.Entry(counter).Property(c => c.Balance).Increment(-2.5m);
        db.Entry(counter).Property(c => c.Wins).Increment(2);
        db.Entry(counter).Property(c => c.Wins).Increment(3);
        await db.SaveChangesAsync();

        await using var check = _fixture.CreateContext();
        var stored = (await check.Counters.FindAsync("kinds"))!;
        Assert.Equal((1.75, 7.5m, 5), (stored.Score, stored.Balance, stored.Wins));
    }

    [Fact]
    public async Task Incr_no_conflict_an_increment_after_a_concurrent_one_ends_with_the_servers_value()
    {
        await SeedAsync("concurrent");
        await using var first = _fixture.CreateContext();
        await using var second = _fixture.CreateContext();
        var mine = (await first.Counters.FindAsync("concurrent"))!;
        var theirs = (await second.Counters.FindAsync("concurrent"))!;

        first.Entry(mine).Property(c => c.Wins).Increment(1);
        await first.SaveChangesAsync();
        second.Entry(theirs).Property(c => c.Wins).Increment(1);
        await second.SaveChangesAsync();

        Assert.Equal(2, theirs.Wins);
    }

    [Fact]
    public async Task Increments_in_a_transaction_are_read_back()
    {
        await SeedAsync("tx-a");
        await SeedAsync("tx-b");
        await using var db = _fixture.CreateContext();
        var a = (await db.Counters.FindAsync("tx-a"))!;
        var b = (await db.Counters.FindAsync("tx-b"))!;

        db.Entry(a).Property(c => c.Wins).Increment(3);
        b.Label = "changed";
        await db.SaveChangesAsync();

        Assert.Contains("TransactWriteItems", _fixture.Store.Recorder.Operations);
        Assert.Equal(3, a.Wins);
    }

    [Fact]
    public async Task Eight_writers_times_fifty_increments_leave_exactly_four_hundred()
    {
        await SeedAsync("stress");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            for (var i = 0; i < 50; i++)
            {
                await using var db = _fixture.CreateContext();
                var counter = new Counter { Id = "stress" };
                db.Counters.Attach(counter);
                db.Entry(counter).Property(c => c.Wins).Increment(1);
                await db.SaveChangesAsync();
            }
        }));

        await using var check = _fixture.CreateContext();
        Assert.Equal(400, (await check.Counters.FindAsync("stress"))!.Wins);
    }

    [Fact]
    public async Task Incr_unpersisted_an_added_entity_is_saved_with_its_incremented_value()
    {
        await using (var db = _fixture.CreateContext())
        {
            var counter = new Counter { Id = "new", Wins = 1 };
            db.Counters.Add(counter);
            db.Entry(counter).Property(c => c.Wins).Increment(4);
            await db.SaveChangesAsync();
        }

        await using var check = _fixture.CreateContext();
        Assert.Equal(5, (await check.Counters.FindAsync("new"))!.Wins);
    }

    [Fact]
    public async Task No_incr_primary_key_composite_or_string_and_no_increment_then_assignment()
    {
        await SeedAsync("refused");
        await using var db = _fixture.CreateContext();
        var counter = (await db.Counters.FindAsync("refused"))!;
        var entry = db.Entry(counter);

        Assert.Contains("key", Assert.Throws<InvalidOperationException>(() => entry.Property(c => c.Version).Increment(1)).Message, StringComparison.Ordinal);
        Assert.Contains("'Counter.Tag'", Assert.Throws<InvalidOperationException>(() => entry.Property(c => c.Tag).Increment(1)).Message, StringComparison.Ordinal);

        entry.Property(c => c.Wins).Increment(1);
        counter.Wins = 100;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("'Counter.Wins' was incremented and then assigned", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("UpdateItem", _fixture.Store.Recorder.Operations);
    }

    public class Counter
    {
        public string Id { get; set; } = null!;

        public int Version { get; set; }

        public int Wins { get; set; }

        public double Score { get; set; }

        public decimal Balance { get; set; }

        public string? Label { get; set; }

        public int Tag { get; private set; }
    }

    public class CounterContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Counter> Counters => Set<Counter>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<Counter>(c =>
            {
                c.HasPartitionKey(x => x.Id);
                c.HasAlternateKey(x => x.Version);
                c.HasComposite(x => x.Tag, x => x.Wins).HasMerge(x => x.Wins * 10);
            });
    }

    public class Fixture() : DynamoDbFixture<CounterContext>("incr", options => new CounterContext(options));
}

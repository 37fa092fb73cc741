using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Update;

/// <summary>
///     Flywheel's incr_, add_ and remove_ scenarios: atomic operations sent as ADD and DELETE, so concurrent writers never
///     lose an update.
/// </summary>
public class AtomicOperationTests : IClassFixture<AtomicOperationTests.Fixture>
{
    private readonly Fixture _fixture;

    public AtomicOperationTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private async Task SeedAsync(string id)
    {
        await using var db = _fixture.CreateContext();
        db.Counters.Add(new Counter { Id = id, Score = 1.5, Balance = 10m, Tags = ["a"] });
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

        // A lone increment is a one-item transaction, whose client request token makes its retries apply it once.
        var update = _fixture.Store.Recorder.Requests.Single(r => r.Operation == "TransactWriteItems");
        Assert.DoesNotContain("UpdateItem", _fixture.Store.Recorder.Operations);
        Assert.Equal("Items: 1; Operations: Update", update.Expressions);
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
        Assert.Contains("'Counter.Wins' was changed atomically", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("UpdateItem", _fixture.Store.Recorder.Operations);
    }

    [Fact]
    public async Task Add_to_set_and_remove_from_set_send_ADD_and_DELETE_and_concurrent_additions_are_all_kept()
    {
        await SeedAsync("sets");
        await using var first = _fixture.CreateContext();
        await using var second = _fixture.CreateContext();
        var mine = (await first.Counters.FindAsync("sets"))!;
        var theirs = (await second.Counters.FindAsync("sets"))!;

        first.Entry(mine).Property(c => c.Tags).AddToSet("b", "c");
        Assert.Equal(["a", "b", "c"], mine.Tags.Order());
        await first.SaveChangesAsync();
        second.Entry(theirs).Property(c => c.Tags).AddToSet("d");
        await second.SaveChangesAsync();

        Assert.Equal(["a", "b", "c", "d"], theirs.Tags.Order());
        Assert.Contains(_fixture.Store.Recorder.Requests, r => r.Operation == "UpdateItem" && r.Expressions.Contains("ADD #n0 :v0", StringComparison.Ordinal));

        await using var third = _fixture.CreateContext();
        var again = (await third.Counters.FindAsync("sets"))!;
        third.Entry(again).Property(c => c.Tags).RemoveFromSet("a", "d");
        await third.SaveChangesAsync();

        await using var check = _fixture.CreateContext();
        Assert.Equal(["b", "c"], (await check.Counters.FindAsync("sets"))!.Tags.Order());
        Assert.Contains(_fixture.Store.Recorder.Requests, r => r.Expressions.Contains("DELETE #n0 :v0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mutate_set_one_op_add_and_remove_in_one_save_is_refused_unless_they_cancel_out()
    {
        await SeedAsync("oneop");
        await using var db = _fixture.CreateContext();
        var counter = (await db.Counters.FindAsync("oneop"))!;
        var tags = db.Entry(counter).Property(c => c.Tags);

        tags.AddToSet("x");
        tags.RemoveFromSet("x");
        tags.AddToSet("y");
        await db.SaveChangesAsync();

        tags.AddToSet("z");
        tags.RemoveFromSet("a");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("'Counter.Tags'", error.Message, StringComparison.Ordinal);

        var missing = Assert.Throws<InvalidOperationException>(() => tags.RemoveFromSet("nope"));
        Assert.Contains("does not hold 'nope'", missing.Message, StringComparison.Ordinal);

        await using var check = _fixture.CreateContext();
        Assert.Equal(["a", "y"], (await check.Counters.FindAsync("oneop"))!.Tags.Order());
    }

    public class Counter
    {
        public HashSet<string> Tags { get; set; } = [];

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

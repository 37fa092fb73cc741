using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.Update;

/// <summary>
///     Writes through contexts leased from a pool: what one lease recorded for its next save (atomic operations,
///     SaveOnlyIf conditions) is forgotten when it returns to the pool, even for an entity instance the next lease
///     attaches again, and each lease sends the minimal requests.
/// </summary>
public class PooledContextWriteTests : IClassFixture<PooledContextWriteTests.Fixture>
{
    private readonly Fixture _fixture;
    private readonly PooledDbContextFactory<AccountContext> _pool;

    public PooledContextWriteTests(Fixture fixture)
    {
        _fixture = fixture;
        _pool = new PooledDbContextFactory<AccountContext>(fixture.Store.CreateOptions<AccountContext>());
        _fixture.Store.Recorder.Clear();
    }

    private RequestRecorder Recorder => _fixture.Store.Recorder;

    private async Task<Account> SeedAsync(string id)
    {
        await using var db = _pool.CreateDbContext();
        var account = new Account { Id = id, Balance = 10, Owner = "ann" };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        Recorder.Clear();
        return account;
    }

    [Fact]
    public async Task An_increment_a_lease_did_not_save_is_not_sent_by_the_next_lease()
    {
        var account = await SeedAsync("increment");
        await using (var db = _pool.CreateDbContext())
        {
            db.Accounts.Attach(account);
            db.Entry(account).Property(a => a.Balance).Increment(5);
        }

        await using (var db = _pool.CreateDbContext())
        {
            db.Accounts.Attach(account);
            account.Owner = "bob";
            await db.SaveChangesAsync();
        }

        // A plain update, sent alone: no ADD, so no one-item transaction. (The increment had changed the local value.)
        Assert.Equal(["UpdateItem"], Recorder.Operations);
        Assert.DoesNotContain("ADD", Recorder.Requests.Single(r => r.Operation == "UpdateItem").Expressions, StringComparison.Ordinal);

        await using var check = _pool.CreateDbContext();
        var stored = (await check.Accounts.FindAsync("increment"))!;
        Assert.Equal((10, "bob"), (stored.Balance, stored.Owner));
    }

    [Fact]
    public async Task A_condition_a_lease_did_not_save_does_not_guard_the_next_leases_write()
    {
        var account = await SeedAsync("condition");
        await using (var db = _pool.CreateDbContext())
        {
            db.Accounts.Attach(account);
            db.Entry(account).SaveOnlyIf(a => a.Balance > 1000);
        }

        await using (var db = _pool.CreateDbContext())
        {
            db.Accounts.Attach(account);
            account.Owner = "carl";
            await db.SaveChangesAsync();
        }

        var update = Recorder.Requests.Single(r => r.Operation == "UpdateItem");
        Assert.DoesNotContain("Condition", update.Expressions, StringComparison.Ordinal);
        Assert.Equal(["UpdateItem"], Recorder.Operations);
    }

    [Fact]
    public async Task Each_lease_inserts_in_one_transaction()
    {
        for (var lease = 0; lease < 2; lease++)
        {
            await using var db = _pool.CreateDbContext();
            for (var i = 0; i < 3; i++)
            {
                db.Accounts.Add(new Account { Id = $"insert-{lease}-{i}", Balance = i, Owner = "dan" });
            }

            Assert.Equal(3, await db.SaveChangesAsync());
            Assert.All(db.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
        }

        Assert.Equal(["TransactWriteItems", "TransactWriteItems"], Recorder.Operations);
        await using var check = _pool.CreateDbContext();
        Assert.Equal(2, (await check.Accounts.FindAsync("insert-1-2"))!.Balance);
    }

    public class Account
    {
        public string Id { get; set; } = null!;

        public int Balance { get; set; }

        public string Owner { get; set; } = null!;
    }

    public class AccountContext(DbContextOptions<AccountContext> options) : DbContext(options)
    {
        public DbSet<Account> Accounts => Set<Account>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<Account>().HasPartitionKey(a => a.Id);
    }

    public class Fixture() : DynamoDbFixture<AccountContext>("pooled-writes", options => new AccountContext((DbContextOptions<AccountContext>)options));
}

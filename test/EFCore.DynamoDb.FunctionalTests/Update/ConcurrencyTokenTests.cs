using System.ComponentModel.DataAnnotations;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Update;

/// <summary>EF concurrency tokens: their original values are conditions of every update and delete.</summary>
public class ConcurrencyTokenTests : IClassFixture<ConcurrencyTokenTests.Fixture>
{
    private readonly Fixture _fixture;

    public ConcurrencyTokenTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    [Fact]
    public async Task The_second_of_two_contexts_updating_the_same_version_gets_a_concurrency_exception()
    {
        await SeedAsync("acc-1");
        await using var first = _fixture.CreateContext();
        await using var second = _fixture.CreateContext();
        var mine = (await first.Accounts.FindAsync("acc-1"))!;
        var theirs = (await second.Accounts.FindAsync("acc-1"))!;

        mine.Balance += 50;
        mine.Version++;
        await first.SaveChangesAsync();

        theirs.Balance -= 30;
        theirs.Version++;
        var error = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        Assert.Same(theirs, Assert.Single(error.Entries).Entity);
        Assert.Contains("Account", error.Message, StringComparison.Ordinal);
        await using var check = _fixture.CreateContext();
        var stored = (await check.Accounts.FindAsync("acc-1"))!;
        Assert.Equal(150m, stored.Balance);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task The_condition_is_on_the_original_token_value_sync()
    {
        await SeedAsync("acc-2");
        _fixture.Store.Recorder.Clear();
        using var db = _fixture.CreateContext();
        var account = db.Accounts.Find("acc-2")!;

        account.Balance = 1;
        account.Version++;
        db.SaveChanges();

        var update = _fixture.Store.Recorder.Requests.Single(r => r.Operation == "UpdateItem");
        Assert.Matches(@"Condition: #n\d = :v\d", update.Expressions);
    }

    [Fact]
    public async Task A_stale_delete_is_refused_and_the_item_survives()
    {
        await SeedAsync("acc-3");
        await using var first = _fixture.CreateContext();
        await using var second = _fixture.CreateContext();
        var mine = (await first.Accounts.FindAsync("acc-3"))!;
        var theirs = (await second.Accounts.FindAsync("acc-3"))!;

        mine.Version++;
        await first.SaveChangesAsync();
        second.Accounts.Remove(theirs);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = _fixture.CreateContext();
        Assert.NotNull(await check.Accounts.FindAsync("acc-3"));
    }

    [Fact]
    public async Task A_delete_of_an_item_deleted_meanwhile_is_a_conflict()
    {
        await SeedAsync("acc-4");
        await using var first = _fixture.CreateContext();
        await using var second = _fixture.CreateContext();
        first.Accounts.Remove((await first.Accounts.FindAsync("acc-4"))!);
        second.Accounts.Remove((await second.Accounts.FindAsync("acc-4"))!);

        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    private async Task SeedAsync(string id)
    {
        await using var db = _fixture.CreateContext();
        db.Accounts.Add(new Account { Id = id, Owner = "ann", Balance = 100m, Version = 1 });
        await db.SaveChangesAsync();
    }

    public class Account
    {
        public string Id { get; set; } = null!;

        public string Owner { get; set; } = null!;

        public decimal Balance { get; set; }

        [ConcurrencyCheck]
        public int Version { get; set; }
    }

    public class BankContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Account> Accounts => Set<Account>();
    }

    public class Fixture() : DynamoDbFixture<BankContext>("tokens", options => new BankContext(options));
}

using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Update;

/// <summary>Flywheel's sync(constraints=[…]) as SaveOnlyIf: a condition on the stored item that guards the write.</summary>
public class ConditionalSaveTests : IClassFixture<ConditionalSaveTests.Fixture>
{
    private readonly Fixture _fixture;

    public ConditionalSaveTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private async Task SeedAsync(string id, decimal balance)
    {
        await using var db = _fixture.CreateContext();
        db.Accounts.Add(new Account { Id = id, Balance = balance });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Sync_constraints_a_withdrawal_happens_only_while_the_stored_balance_covers_it()
    {
        await SeedAsync("rich", 250m);
        await using var db = _fixture.CreateContext();
        var account = (await db.Accounts.FindAsync("rich"))!;
        var amount = 200m;

        account.Balance -= amount;
        db.Entry(account).SaveOnlyIf(a => a.Balance >= amount);
        await db.SaveChangesAsync();

        var update = _fixture.Store.Recorder.Requests.Single(r => r.Operation == "UpdateItem");
        Assert.Matches(@"Condition: #n\d = :v\d AND #n\d >= :v\d", update.Expressions);
        Assert.DoesNotContain("200", update.Expressions, StringComparison.Ordinal);
        await using var check = _fixture.CreateContext();
        Assert.Equal(50m, (await check.Accounts.FindAsync("rich"))!.Balance);
    }

    [Fact]
    public async Task Sync_constraints_fail_nothing_is_written()
    {
        await SeedAsync("poor", 150m);
        await using var db = _fixture.CreateContext();
        var account = (await db.Accounts.FindAsync("poor"))!;

        account.Balance -= 200m;
        account.Note = "overdrawn";
        db.Entry(account).SaveOnlyIf(a => a.Balance >= 200m && !a.Frozen);

        var error = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

        Assert.Same(account, Assert.Single(error.Entries).Entity);
        await using var check = _fixture.CreateContext();
        var stored = (await check.Accounts.FindAsync("poor"))!;
        Assert.Equal((150m, null), (stored.Balance, stored.Note));
    }

    [Fact]
    public async Task An_insert_whose_condition_fails_is_not_reported_as_a_duplicate_key()
    {
        await using var db = _fixture.CreateContext();
        var account = new Account { Id = "conditional-insert", Balance = 10m };
        db.Accounts.Add(account);
        db.Entry(account).SaveOnlyIf(a => a.Balance >= 0m);

        // No item is stored, so the condition on its balance cannot hold.
        var error = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

        Assert.Contains("SaveOnlyIf condition did not hold", error.Message, StringComparison.Ordinal);
        Assert.Same(account, Assert.Single(error.Entries).Entity);
        await using var check = _fixture.CreateContext();
        Assert.Null(await check.Accounts.FindAsync("conditional-insert"));
    }

    [Fact]
    public async Task A_condition_applies_to_one_save_only_and_guards_deletes_too()
    {
        await SeedAsync("once", 10m);
        await using var db = _fixture.CreateContext();
        var account = (await db.Accounts.FindAsync("once"))!;

        account.Note = "first";
        db.Entry(account).SaveOnlyIf(a => a.Note == null);
        await db.SaveChangesAsync();
        account.Note = "second";
        await db.SaveChangesAsync();

        db.Accounts.Remove(account);
        db.Entry(account).SaveOnlyIf(a => a.Balance > 100m);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

        await using var check = _fixture.CreateContext();
        Assert.Equal("second", (await check.Accounts.FindAsync("once"))!.Note);
    }

    [Fact]
    public async Task A_condition_DynamoDB_cannot_evaluate_fails_when_it_is_set()
    {
        await SeedAsync("bad", 1m);
        await using var db = _fixture.CreateContext();
        var account = (await db.Accounts.FindAsync("bad"))!;

        var error = Assert.Throws<InvalidOperationException>(() => db.Entry(account).SaveOnlyIf(a => a.Balance * 2 > 10m));

        Assert.Contains("'Account'", error.Message, StringComparison.Ordinal);
    }

    public class Account
    {
        public string Id { get; set; } = null!;

        public decimal Balance { get; set; }

        public bool Frozen { get; set; }

        public string? Note { get; set; }
    }

    public class BankContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Account> Accounts => Set<Account>();
    }

    public class Fixture() : DynamoDbFixture<BankContext>("conditions", options => new BankContext(options));
}

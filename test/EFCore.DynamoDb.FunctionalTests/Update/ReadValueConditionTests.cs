using System.ComponentModel.DataAnnotations;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Update;

/// <summary>
///     The conflict modes condition a write on the values the context read: an entity it never read (a key-only
///     stub, or one attached from outside) is written without them; concurrency tokens and row versions still guard it.
/// </summary>
public class ReadValueConditionTests : IClassFixture<ReadValueConditionTests.Fixture>
{
    private readonly Fixture _fixture;

    public ReadValueConditionTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private ReadContext Context(ConflictMode mode = ConflictMode.Update)
        => new(_fixture.Store.CreateOptions<ReadContext>(o => o.ConflictMode(mode)));

    [Theory]
    [InlineData(ConflictMode.Update)]
    [InlineData(ConflictMode.Raise)]
    public async Task A_stub_attached_changed_and_saved_is_written_without_conditions(ConflictMode mode)
    {
        var id = "stub-" + mode;
        await SeedPlayerAsync(id, wins: 5, losses: 3);
        await using (var db = Context(mode))
        {
            var stub = new Player { Id = id };
            db.Attach(stub);
            stub.Wins = 10;
            await db.SaveChangesAsync();
        }

        var update = Assert.Single(_fixture.Store.Recorder.Requests, r => r.Operation == "UpdateItem");
        Assert.DoesNotContain("Condition", update.Expressions, StringComparison.Ordinal);
        Assert.Equal(["UpdateItem"], _fixture.Store.Recorder.Operations);
        await using var check = Context();
        var stored = (await check.Players.FindAsync(id))!;
        Assert.Equal((10, 3), (stored.Wins, stored.Losses));
    }

    [Fact]
    public async Task A_stub_removed_in_Raise_mode_is_deleted_without_conditions()
    {
        await SeedPlayerAsync("stub-delete", wins: 5, losses: 3);
        await using (var db = Context(ConflictMode.Raise))
        {
            db.Remove(new Player { Id = "stub-delete" });
            await db.SaveChangesAsync();
        }

        Assert.Equal(["DeleteItem"], _fixture.Store.Recorder.Operations);
        Assert.DoesNotContain("Condition", _fixture.Store.Recorder.Requests[0].Expressions, StringComparison.Ordinal);
        await using var check = Context();
        Assert.Null(await check.Players.FindAsync("stub-delete"));
    }

    [Fact]
    public async Task An_entity_tracked_by_a_query_and_changed_concurrently_still_raises()
    {
        await SeedPlayerAsync("queried", wins: 5, losses: 3);
        await using var mine = Context();
        var player = (await mine.Players.Where(p => p.Id == "queried").ToListAsync()).Single();
        await ChangeWinsElsewhereAsync("queried", 7);

        player.Wins = 10;
        var error = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => mine.SaveChangesAsync());

        Assert.Same(player, Assert.Single(error.Entries).Entity);
        Assert.Contains("since this context read or saved it", error.Message, StringComparison.Ordinal);
        await using var check = Context();
        Assert.Equal(7, (await check.Players.FindAsync("queried"))!.Wins);
    }

    [Fact]
    public async Task A_stub_reloaded_counts_as_read()
    {
        await SeedPlayerAsync("reloaded", wins: 5, losses: 3);
        await using var mine = Context(ConflictMode.Raise);
        var stub = new Player { Id = "reloaded" };
        mine.Attach(stub);
        await mine.Entry(stub).ReloadAsync();
        Assert.Equal(5, stub.Wins);
        await ChangeWinsElsewhereAsync("reloaded", 7);

        mine.Remove(stub);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => mine.SaveChangesAsync());
        await using var check = Context();
        Assert.NotNull(await check.Players.FindAsync("reloaded"));
    }

    [Fact]
    public async Task An_entity_this_context_inserted_counts_as_read()
    {
        await using var mine = Context();
        var player = new Player { Id = "inserted", Wins = 1 };
        mine.Players.Add(player);
        await mine.SaveChangesAsync();
        await ChangeWinsElsewhereAsync("inserted", 7);

        player.Wins = 2;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => mine.SaveChangesAsync());
    }

    [Fact]
    public async Task A_concurrency_token_of_a_stub_without_its_original_value_fails_naming_OriginalValue()
    {
        await using (var seed = Context())
        {
            seed.Accounts.Add(new Account { Id = "token-stub", Balance = 100m, Version = 1 });
            await seed.SaveChangesAsync();
        }

        _fixture.Store.Recorder.Clear();
        await using var db = Context();
        var stub = new Account { Id = "token-stub" };
        db.Attach(stub);
        stub.Balance = 50m;
        stub.Version = 2;

        var error = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

        Assert.Contains("'Version'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Property(\"Version\").OriginalValue", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("since", error.Message, StringComparison.Ordinal);

        db.Entry(stub).Property(a => a.Version).OriginalValue = 1;
        _fixture.Store.Recorder.Clear();
        await db.SaveChangesAsync();

        Assert.Equal(["UpdateItem"], _fixture.Store.Recorder.Operations);
        await using var check = Context();
        var stored = (await check.Accounts.FindAsync("token-stub"))!;
        Assert.Equal((50m, 2), (stored.Balance, stored.Version));
    }

    [Fact]
    public async Task A_row_version_of_a_stub_guards_its_write()
    {
        await using (var seed = Context())
        {
            seed.Notes.Add(new Note { Id = "version-stub", Text = "v1" });
            await seed.SaveChangesAsync();
        }

        await using var db = Context();
        var stub = new Note { Id = "version-stub" };
        db.Attach(stub);
        stub.Text = "v2";

        var error = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

        Assert.Contains("Property(\"Version\").OriginalValue", error.Message, StringComparison.Ordinal);
        await using var check = Context();
        Assert.Equal("v1", (await check.Notes.FindAsync("version-stub"))!.Text);
    }

    private async Task SeedPlayerAsync(string id, int wins, int losses)
    {
        await using (var db = Context())
        {
            db.Players.Add(new Player { Id = id, Wins = wins, Losses = losses });
            await db.SaveChangesAsync();
        }

        _fixture.Store.Recorder.Clear();
    }

    private async Task ChangeWinsElsewhereAsync(string id, int wins)
    {
        await using var other = Context();
        (await other.Players.FindAsync(id))!.Wins = wins;
        await other.SaveChangesAsync();
    }

    public class Player
    {
        public string Id { get; set; } = null!;

        public int Wins { get; set; }

        public int Losses { get; set; }
    }

    public class Account
    {
        public string Id { get; set; } = null!;

        public decimal Balance { get; set; }

        [ConcurrencyCheck]
        public int Version { get; set; }
    }

    public class Note
    {
        public string Id { get; set; } = null!;

        public string? Text { get; set; }

        public int Version { get; set; }
    }

    public class ReadContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Player> Players => Set<Player>();

        public DbSet<Account> Accounts => Set<Account>();

        public DbSet<Note> Notes => Set<Note>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<Note>().Property(n => n.Version).IsRowVersion();
    }

    public class Fixture() : DynamoDbFixture<ReadContext>("reads", options => new ReadContext(options));
}

using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Update;

/// <summary>
///     Flywheel's TestModelMutation conflict scenarios in EF Core terms: the three conflict modes, atomic SaveChanges,
///     batching without a transaction, and row versions.
/// </summary>
public class ConflictModeTests : IClassFixture<ConflictModeTests.Fixture>
{
    private readonly Fixture _fixture;

    public ConflictModeTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private GameContext Context(ConflictMode mode = ConflictMode.Update)
        => new(_fixture.Store.CreateOptions<GameContext>(o => o.ConflictMode(mode)));

    private async Task SeedAsync(string user, int wins = 1, int losses = 1)
    {
        await using var db = Context();
        db.GameScores.Add(new GameScore { UserId = user, Title = "Game", Wins = wins, Losses = losses });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Sync_merges_fields_two_writers_of_different_properties_both_succeed()
    {
        await SeedAsync("merge");
        await using var first = Context();
        await using var second = Context();
        var mine = (await first.GameScores.FindAsync("merge", "Game"))!;
        var theirs = (await second.GameScores.FindAsync("merge", "Game"))!;

        mine.Wins = 10;
        theirs.Losses = 20;
        await first.SaveChangesAsync();
        await second.SaveChangesAsync();

        await using var check = Context();
        var stored = (await check.GameScores.FindAsync("merge", "Game"))!;
        Assert.Equal((10, 20), (stored.Wins, stored.Losses));
    }

    [Fact]
    public async Task Sync_conflict_the_second_writer_of_the_same_property_fails_and_writes_nothing()
    {
        await SeedAsync("same");
        await using var first = Context();
        await using var second = Context();
        var mine = (await first.GameScores.FindAsync("same", "Game"))!;
        var theirs = (await second.GameScores.FindAsync("same", "Game"))!;

        mine.Wins = 10;
        await first.SaveChangesAsync();
        theirs.Wins = 30;
        theirs.Losses = 30;

        var error = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        Assert.Same(theirs, Assert.Single(error.Entries).Entity);
        await using var check = Context();
        var stored = (await check.GameScores.FindAsync("same", "Game"))!;
        Assert.Equal((10, 1), (stored.Wins, stored.Losses));
    }

    [Fact]
    public async Task Save_conflict_and_save_overwrite()
    {
        await SeedAsync("insert", wins: 5);

        await using (var update = Context())
        {
            update.GameScores.Add(new GameScore { UserId = "insert", Title = "Game", Wins = 99 });
            await Assert.ThrowsAsync<DbUpdateException>(() => update.SaveChangesAsync());
        }

        await using (var overwrite = Context(ConflictMode.Overwrite))
        {
            overwrite.GameScores.Add(new GameScore { UserId = "insert", Title = "Game", Wins = 99 });
            await overwrite.SaveChangesAsync();
        }

        await using var check = Context();
        Assert.Equal(99, (await check.GameScores.FindAsync("insert", "Game"))!.Wins);
    }

    [Fact]
    public async Task Overwrite_updates_without_conditions()
    {
        await SeedAsync("last");
        await using var first = Context(ConflictMode.Overwrite);
        await using var second = Context(ConflictMode.Overwrite);
        var mine = (await first.GameScores.FindAsync("last", "Game"))!;
        var theirs = (await second.GameScores.FindAsync("last", "Game"))!;

        mine.Wins = 10;
        await first.SaveChangesAsync();
        theirs.Wins = 30;
        await second.SaveChangesAsync();

        await using var check = Context();
        Assert.Equal(30, (await check.GameScores.FindAsync("last", "Game"))!.Wins);
    }

    [Fact]
    public async Task Delete_conflict_in_Raise_mode_and_delete_no_conflict_in_Update_mode()
    {
        await SeedAsync("raise");
        await SeedAsync("nocheck");
        await using var writer = Context();
        await using var raise = Context(ConflictMode.Raise);
        await using var update = Context();
        var stale = (await raise.GameScores.FindAsync("raise", "Game"))!;
        var staleToo = (await update.GameScores.FindAsync("nocheck", "Game"))!;
        (await writer.GameScores.FindAsync("raise", "Game"))!.Losses = 7;
        (await writer.GameScores.FindAsync("nocheck", "Game"))!.Losses = 7;
        await writer.SaveChangesAsync();

        raise.GameScores.Remove(stale);
        update.GameScores.Remove(staleToo);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => raise.SaveChangesAsync());
        await update.SaveChangesAsync();
        await using var check = Context();
        Assert.NotNull(await check.GameScores.FindAsync("raise", "Game"));
        Assert.Null(await check.GameScores.FindAsync("nocheck", "Game"));
    }

    [Fact]
    public async Task Sync_new_an_entity_attached_with_Update_creates_or_replaces_its_attributes()
    {
        await using (var db = Context())
        {
            db.GameScores.Update(new GameScore { UserId = "attached", Title = "Game", Wins = 3 });
            await db.SaveChangesAsync();
        }

        await using (var db = Context())
        {
            db.GameScores.Update(new GameScore { UserId = "attached", Title = "Game", Wins = 4 });
            await db.SaveChangesAsync();
        }

        await using var check = Context();
        Assert.Equal(4, (await check.GameScores.FindAsync("attached", "Game"))!.Wins);
    }

    [Fact]
    public async Task A_transaction_with_one_failing_condition_writes_nothing()
    {
        await SeedAsync("atomic-taken");
        await using var db = Context();
        db.GameScores.Add(new GameScore { UserId = "atomic-new", Title = "Game" });
        db.GameScores.Add(new GameScore { UserId = "atomic-taken", Title = "Game" });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Equal("atomic-taken", ((GameScore)Assert.Single(error.Entries).Entity).UserId);
        await using var check = Context();
        Assert.Null(await check.GameScores.FindAsync("atomic-new", "Game"));
    }

    [Fact]
    public async Task One_hundred_inserts_are_one_TransactWriteItems_and_four_BatchWriteItems_without_a_transaction()
    {
        await using (var db = Context())
        {
            db.GameScores.AddRange(Enumerable.Range(0, 100).Select(i => new GameScore { UserId = "tx100", Title = $"g{i:D3}" }));
            await db.SaveChangesAsync();
        }

        Assert.Equal(["TransactWriteItems"], _fixture.Store.Recorder.Operations);
        _fixture.Store.Recorder.Clear();

        await using (var db = Context(ConflictMode.Overwrite))
        {
            db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
            db.GameScores.AddRange(Enumerable.Range(0, 100).Select(i => new GameScore { UserId = "batch100", Title = $"g{i:D3}" }));
            await db.SaveChangesAsync();
        }

        Assert.Equal(["BatchWriteItem", "BatchWriteItem", "BatchWriteItem", "BatchWriteItem"], _fixture.Store.Recorder.Operations);
        await using var check = Context();
        Assert.Equal(100, await check.GameScores.CountAsync(s => s.UserId == "batch100"));
        Assert.Equal(100, await check.GameScores.CountAsync(s => s.UserId == "tx100"));
    }

    [Fact]
    public async Task Without_a_transaction_conditional_inserts_stay_conditional()
    {
        await SeedAsync("never-taken");
        await using var db = Context();
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        db.GameScores.Add(new GameScore { UserId = "never-new", Title = "Game" });
        db.GameScores.Add(new GameScore { UserId = "never-taken", Title = "Game", Wins = 50 });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.DoesNotContain("BatchWriteItem", _fixture.Store.Recorder.Operations);
        await using var check = Context();
        Assert.Equal(1, (await check.GameScores.FindAsync("never-taken", "Game"))!.Wins);
    }

    [Fact]
    public async Task More_than_a_transaction_holds_is_refused_before_anything_is_sent_when_the_save_must_be_atomic()
    {
        await using var db = Context();
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        db.GameScores.AddRange(Enumerable.Range(0, 101).Select(i => new GameScore { UserId = "tx101", Title = $"g{i:D3}" }));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains("AutoTransactionBehavior.Never", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fixture.Store.Recorder.Requests);
    }

    [Fact]
    public async Task A_row_version_advances_on_every_write_and_guards_it()
    {
        await using (var db = new VersionContext(_fixture.Store.CreateOptions<VersionContext>()))
        {
            await db.Database.EnsureCreatedAsync();
            var document = new Document { Id = "doc", Text = "v1" };
            db.Documents.Add(document);
            await db.SaveChangesAsync();
            Assert.Equal(1, document.Version);

            document.Text = "v2";
            await db.SaveChangesAsync();
            Assert.Equal(2, document.Version);
        }

        await using var first = new VersionContext(_fixture.Store.CreateOptions<VersionContext>());
        await using var second = new VersionContext(_fixture.Store.CreateOptions<VersionContext>());
        var mine = (await first.Documents.FindAsync("doc"))!;
        var theirs = (await second.Documents.FindAsync("doc"))!;
        mine.Text = "mine";
        await first.SaveChangesAsync();
        theirs.Summary = "a different property, but the version changed";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.Equal(3, mine.Version);
        await first.Database.EnsureDeletedAsync();
    }

    public class Document
    {
        public string Id { get; set; } = null!;

        public string? Text { get; set; }

        public string? Summary { get; set; }

        public int Version { get; set; }
    }

    public class VersionContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Document> Documents => Set<Document>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<Document>().Property(d => d.Version).IsRowVersion();
    }

    public class Fixture() : DynamoDbFixture<GameContext>("conflicts", options => new GameContext(options));
}

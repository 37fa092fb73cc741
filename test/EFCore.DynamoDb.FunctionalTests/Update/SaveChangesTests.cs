using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Update;

/// <summary>SaveChanges: conditional inserts, minimal updates, deletes and concurrency tokens.</summary>
public class SaveChangesTests : IClassFixture<SaveChangesTests.Fixture>
{
    private readonly Fixture _fixture;

    public SaveChangesTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private RequestRecorder Recorder => _fixture.Store.Recorder;

    [Fact]
    public async Task Added_is_a_PutItem_that_never_replaces_an_item()
    {
        await using (var db = _fixture.CreateContext())
        {
            db.GameScores.Add(new GameScore { UserId = "save-1", Title = "Pong", TopScore = 10 });
            Assert.Equal(1, await db.SaveChangesAsync());
        }

        var put = Assert.Single(Recorder.Requests);
        Assert.Equal("PutItem", put.Operation);
        Assert.Contains("Condition: attribute_not_exists(#n0)", put.Expressions, StringComparison.Ordinal);

        await using (var db = _fixture.CreateContext())
        {
            db.GameScores.Add(new GameScore { UserId = "save-1", Title = "Pong", TopScore = 99 });
            var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.IsNotType<DbUpdateConcurrencyException>(error);
            Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
            Assert.Contains("GameScore", error.Message, StringComparison.Ordinal);
            Assert.Single(error.Entries);
        }

        await using (var db = _fixture.CreateContext())
        {
            Assert.Equal(10, (await db.GameScores.FindAsync("save-1", "Pong"))!.TopScore);
        }
    }

    [Fact]
    public void Duplicate_insert_sync_is_a_DbUpdateException()
    {
        using (var db = _fixture.CreateContext())
        {
            db.GameScores.Add(new GameScore { UserId = "save-2", Title = "Pong" });
            db.SaveChanges();
        }

        using (var db = _fixture.CreateContext())
        {
            db.GameScores.Add(new GameScore { UserId = "save-2", Title = "Pong" });
            Assert.Throws<DbUpdateException>(() => db.SaveChanges());
        }
    }

    [Fact]
    public async Task Modified_sends_only_the_modified_attributes_and_REMOVE_for_null()
    {
        await using (var db = _fixture.CreateContext())
        {
            db.GameScores.Add(new GameScore { UserId = "save-3", Title = "Tetris", TopScore = 1, Wins = 1, Comment = "first" });
            await db.SaveChangesAsync();
        }

        Recorder.Clear();
        await using (var db = _fixture.CreateContext())
        {
            var score = (await db.GameScores.FindAsync("save-3", "Tetris"))!;
            score.TopScore = 2;
            score.Comment = null;
            await db.SaveChangesAsync();
        }

        var update = Recorder.Requests.Single(r => r.Operation == "UpdateItem");
        Assert.Matches(@"Update: SET (#n\d) = :v0 REMOVE (#n\d)", update.Expressions);
        Assert.Matches(@"#n\d=TopScore", update.Expressions);
        Assert.Matches(@"#n\d=note", update.Expressions);
        Assert.DoesNotContain("Wins", update.Expressions, StringComparison.Ordinal);

        await using (var db = _fixture.CreateContext())
        {
            var score = (await db.GameScores.FindAsync("save-3", "Tetris"))!;
            Assert.Equal(2, score.TopScore);
            Assert.Equal(1, score.Wins);
            Assert.Null(score.Comment);
        }
    }

    [Fact]
    public async Task Update_of_a_detached_entity_writes_every_property_and_creates_a_missing_item()
    {
        await using (var db = _fixture.CreateContext())
        {
            db.GameScores.Update(new GameScore { UserId = "save-4", Title = "Doom", TopScore = 666, Mode = GameMode.Versus });
            await db.SaveChangesAsync();
        }

        await using (var db = _fixture.CreateContext())
        {
            var score = (await db.GameScores.FindAsync("save-4", "Doom"))!;
            Assert.Equal(666, score.TopScore);
            Assert.Equal(GameMode.Versus, score.Mode);
        }
    }

    [Fact]
    public async Task Deleted_is_a_DeleteItem()
    {
        await using (var db = _fixture.CreateContext())
        {
            db.GameScores.Add(new GameScore { UserId = "save-5", Title = "Quake" });
            await db.SaveChangesAsync();
        }

        Recorder.Clear();
        await using (var db = _fixture.CreateContext())
        {
            db.GameScores.Remove((await db.GameScores.FindAsync("save-5", "Quake"))!);
            Assert.Equal(1, await db.SaveChangesAsync());
        }

        Assert.Equal(["GetItem", "DeleteItem"], Recorder.Operations);
        await using (var db = _fixture.CreateContext())
        {
            Assert.Null(await db.GameScores.FindAsync("save-5", "Quake"));
        }
    }

    [Fact]
    public async Task Several_entries_are_saved_atomically_in_one_transaction()
    {
        await using var db = _fixture.CreateContext();
        db.GameScores.AddRange(
            new GameScore { UserId = "save-6", Title = "A" },
            new GameScore { UserId = "save-6", Title = "B" },
            new GameScore { UserId = "save-6", Title = "C" });

        Assert.Equal(3, await db.SaveChangesAsync());
        Assert.Equal(["TransactWriteItems"], Recorder.Operations);
        Assert.Equal(3, await db.GameScores.CountAsync(s => s.UserId == "save-6"));
    }

    [Fact]
    public async Task A_null_or_empty_key_is_refused_before_any_request()
    {
        await using var db = _fixture.CreateContext();
        db.GameScores.Add(new GameScore { UserId = "", Title = "Empty" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains("GameScore.UserId", error.Message, StringComparison.Ordinal);
        Assert.Empty(Recorder.Requests);
    }

    [Fact]
    public async Task Changing_a_key_property_is_refused()
    {
        await using (var db = _fixture.CreateContext())
        {
            db.GameScores.Add(new GameScore { UserId = "save-7", Title = "Myst" });
            await db.SaveChangesAsync();
        }

        await using (var db = _fixture.CreateContext())
        {
            var score = (await db.GameScores.FindAsync("save-7", "Myst"))!;
            score.Title = "Riven";
            var error = Assert.Throws<InvalidOperationException>(() => db.ChangeTracker.DetectChanges());
            Assert.Contains("Title", error.Message, StringComparison.Ordinal);
        }
    }

    public class Fixture() : DynamoDbFixture<GameContext>("save", options => new GameContext(options));
}

using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Update;

/// <summary>ExecuteUpdate and ExecuteDelete: by key with a condition, and by query (Flywheel's query.delete()).</summary>
public class ExecuteUpdateDeleteTests : IClassFixture<ExecuteUpdateDeleteTests.Fixture>
{
    private readonly Fixture _fixture;

    public ExecuteUpdateDeleteTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private async Task SeedAsync(string user, params (string Title, int Wins)[] scores)
    {
        await using var db = _fixture.CreateContext();
        db.GameScores.AddRange(scores.Select(s => new GameScore { UserId = user, Title = s.Title, Wins = s.Wins }));
        await db.SaveChangesAsync();
        _fixture.Store.Recorder.Clear();
    }

    [Fact]
    public async Task ExecuteUpdate_on_a_full_key_is_one_UpdateItem_with_an_arithmetic_SET()
    {
        await SeedAsync("upd-key", ("A", 1));
        await using var db = _fixture.CreateContext();

        var affected = await db.GameScores.Where(s => s.UserId == "upd-key" && s.Title == "A")
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Wins, x => x.Wins + 2).SetProperty(x => x.Comment, "bumped"));

        Assert.Equal(1, affected);
        var update = Assert.Single(_fixture.Store.Recorder.Requests);
        Assert.Equal("UpdateItem", update.Operation);
        Assert.Matches(@"SET (#n\d) = \1 \+ :v\d, #n\d = :v\d", update.Expressions);
        await using var check = _fixture.CreateContext();
        var stored = (await check.GameScores.FindAsync("upd-key", "A"))!;
        Assert.Equal((3, "bumped"), (stored.Wins, stored.Comment));
    }

    [Fact]
    public async Task ExecuteUpdate_run_again_with_other_values_writes_each_execution_s_own_and_removes_on_null()
    {
        await SeedAsync("upd-again", ("A", 1), ("B", 1));

        // One compiled query: a null comment removes the attribute, a value sets it, whatever ran before.
        foreach (var (title, comment, wins) in new[] { ("A", (string?)null, 2), ("A", "set", 3), ("B", "other", 4), ("B", null, 5) })
        {
            await using var db = _fixture.CreateContext();
            var affected = await db.GameScores.Where(s => s.UserId == "upd-again" && s.Title == title)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Comment, comment).SetProperty(x => x.Wins, x => x.Wins + wins));

            Assert.Equal(1, affected);
            var update = Assert.Single(_fixture.Store.Recorder.Requests);
            Assert.Matches(comment == null ? @"SET (#n\d) = \1 \+ :v0 REMOVE #n\d;" : @"SET #n\d = :v0, (#n\d) = \1 \+ :v1;", update.Expressions);
            _fixture.Store.Recorder.Clear();
        }

        await using var check = _fixture.CreateContext();
        var stored = await check.GameScores.Where(s => s.UserId == "upd-again").OrderBy(s => s.Title).Select(s => new { s.Comment, s.Wins }).ToListAsync();
        Assert.Equal([new { Comment = (string?)"set", Wins = 6 }, new { Comment = (string?)null, Wins = 10 }], stored);
    }

    [Fact]
    public async Task ExecuteUpdate_with_a_condition_value_and_a_setter_null_by_turns_binds_each_execution_s_values_to_the_recorded_placeholders()
    {
        await SeedAsync("upd-recorded", ("A", 1), ("B", 40));

        // One compiled query with a condition value (Wins < 50) and three setters, the comment null by turns: the text of
        // each null pattern is recorded once, and executions that reuse it bind their own values to its placeholders.
        var runs = new[]
        {
            ("A", (string?)null, 2, 7, 1), ("A", "first", 3, 8, 1), ("B", null, 4, 9, 1), ("B", "second", 5, 10, 1),
            ("A", "third", 6, 11, 1), ("B", null, 20, 12, 1),
            // B has 69 wins now: the reused text's condition holds its own value, and fails.
            ("B", "late", 1, 13, 0)
        };
        foreach (var (title, comment, wins, losses, expected) in runs)
        {
            await using var db = _fixture.CreateContext(sensitiveDataLogging: true);
            var affected = await db.GameScores.Where(s => s.UserId == "upd-recorded" && s.Title == title && s.Wins < 50)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Comment, comment).SetProperty(x => x.Wins, x => x.Wins + wins).SetProperty(x => x.Losses, losses));

            Assert.Equal(expected, affected);
            var update = Assert.Single(_fixture.Store.Recorder.Requests);
            var expressions = update.Expressions.Split("; ");
            Assert.Equal(
                comment == null ? "Update: SET #n1 = #n1 + :v1, #n3 = :v2 REMOVE #n2" : "Update: SET #n2 = :v1, #n1 = #n1 + :v2, #n3 = :v3",
                expressions[1]);
            Assert.Equal("Condition: attribute_exists(#n0) AND #n1 < :v0", expressions[2]);
            var values = comment == null ? $":v0=N:50, :v1=N:{wins}, :v2=N:{losses}" : $":v0=N:50, :v1=S:\"{comment}\", :v2=N:{wins}, :v3=N:{losses}";
            Assert.EndsWith(values, update.Parameters, StringComparison.Ordinal);
            _fixture.Store.Recorder.Clear();
        }

        await using var check = _fixture.CreateContext();
        var stored = await check.GameScores.Where(s => s.UserId == "upd-recorded").OrderBy(s => s.Title).Select(s => new { s.Comment, s.Wins, s.Losses }).ToListAsync();
        Assert.Equal([new { Comment = (string?)"third", Wins = 12, Losses = 11 }, new { Comment = (string?)null, Wins = 69, Losses = 12 }], stored);
    }

    [Fact]
    public async Task ExecuteUpdate_to_the_clock_sends_the_instant_of_the_execution()
    {
        await SeedAsync("upd-clock", ("A", 1));
        await using var db = _fixture.CreateContext();
        var before = DateTime.UtcNow;

        var affected = await db.GameScores.Where(s => s.UserId == "upd-clock" && s.Title == "A")
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.TopScoreTime, DateTime.UtcNow));

        var after = DateTime.UtcNow;
        Assert.Equal(1, affected);
        Assert.Matches(@"SET #n\d = :v\d", Assert.Single(_fixture.Store.Recorder.Requests).Expressions);
        await using var check = _fixture.CreateContext();
        var stored = (await check.GameScores.FindAsync("upd-clock", "A"))!.TopScoreTime;
        Assert.InRange(stored, before, after);
    }

    [Fact]
    public async Task ExecuteUpdate_with_a_failing_condition_affects_nothing_and_never_creates_an_item()
    {
        await SeedAsync("upd-cond", ("A", 1));
        await using var db = _fixture.CreateContext();

        var conditionFails = db.GameScores.Where(s => s.UserId == "upd-cond" && s.Title == "A" && s.Wins > 5)
            .ExecuteUpdate(s => s.SetProperty(x => x.Wins, 100));
        var missing = await db.GameScores.Where(s => s.UserId == "upd-cond" && s.Title == "missing")
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Wins, 100));

        Assert.Equal((0, 0), (conditionFails, missing));
        await using var check = _fixture.CreateContext();
        Assert.Equal(1, (await check.GameScores.FindAsync("upd-cond", "A"))!.Wins);
        Assert.Null(await check.GameScores.FindAsync("upd-cond", "missing"));
    }

    [Fact]
    public async Task ExecuteUpdate_by_query_writes_each_matching_item()
    {
        await SeedAsync("upd-query", ("A", 1), ("B", 10), ("C", 20));
        await using var db = _fixture.CreateContext();
        var threshold = 5;

        var affected = await db.GameScores.Where(s => s.UserId == "upd-query" && s.Wins > threshold)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Losses, x => x.Wins - 1));

        Assert.Equal(2, affected);
        Assert.Equal(["Query", "UpdateItem", "UpdateItem"], _fixture.Store.Recorder.Operations);
        await using var check = _fixture.CreateContext();
        var scores = await check.GameScores.Where(s => s.UserId == "upd-query").ToListAsync();
        Assert.Equal([0, 9, 19], scores.Select(s => s.Losses));
    }

    [Fact]
    public async Task ExecuteDelete_by_key_and_by_query()
    {
        await SeedAsync("del", ("A", 1), ("B", 10), ("C", 20));
        await using var db = _fixture.CreateContext();

        var byKey = await db.GameScores.Where(s => s.UserId == "del" && s.Title == "A").ExecuteDeleteAsync();
        var byKeyConditionFails = db.GameScores.Where(s => s.UserId == "del" && s.Title == "B" && s.Wins > 100).ExecuteDelete();
        var byQuery = await db.GameScores.Where(s => s.UserId == "del" && s.Wins >= 10).ExecuteDeleteAsync();

        Assert.Equal((1, 0, 2), (byKey, byKeyConditionFails, byQuery));
        await using var check = _fixture.CreateContext();
        Assert.Equal(0, await check.GameScores.CountAsync(s => s.UserId == "del"));
    }

    [Fact]
    public async Task Setting_a_key_or_an_untranslatable_value_is_refused_before_any_request()
    {
        await using var db = _fixture.CreateContext();

        var key = await Assert.ThrowsAsync<InvalidOperationException>(
            () => db.GameScores.Where(s => s.UserId == "x").ExecuteUpdateAsync(s => s.SetProperty(x => x.Title, "y")));
        var value = await Assert.ThrowsAsync<InvalidOperationException>(
            () => db.GameScores.Where(s => s.UserId == "x").ExecuteUpdateAsync(s => s.SetProperty(x => x.Wins, x => x.Wins * 2)));

        Assert.Contains(".Title", key.Message, StringComparison.Ordinal);
        Assert.Contains("part of the key", key.Message, StringComparison.Ordinal);
        Assert.Contains(".Wins * 2", value.Message, StringComparison.Ordinal);
        Assert.Empty(_fixture.Store.Recorder.Requests);
    }

    public class Fixture() : DynamoDbFixture<GameContext>("execute", options => new GameContext(options));
}

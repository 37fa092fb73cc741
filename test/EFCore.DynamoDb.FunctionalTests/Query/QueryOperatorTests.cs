using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>The walking skeleton's operators, sync and async, against the GameScore table.</summary>
public class QueryOperatorTests : IClassFixture<GameFixture>
{
    private readonly GameFixture _fixture;

    public QueryOperatorTests(GameFixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private RequestRecorder Recorder => _fixture.Store.Recorder;

    [Fact]
    public void ToList_sync()
    {
        using var db = _fixture.CreateContext();

        Assert.Equal(3, db.GameScores.Where(s => s.UserId == "103").ToList().Count);
    }

    [Fact]
    public async Task First_returns_the_first_by_sort_key_and_reads_one_item()
    {
        await using var db = _fixture.CreateContext();

        var first = await db.GameScores.FirstAsync(s => s.UserId == "103");

        Assert.Equal("Attack Ships", first.Title);
        Assert.Contains("Limit: 1", Assert.Single(Recorder.Requests).Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task First_with_no_match_throws_and_FirstOrDefault_returns_null()
    {
        await using var db = _fixture.CreateContext();

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.GameScores.FirstAsync(s => s.UserId == "nobody"));
        Assert.Null(await db.GameScores.FirstOrDefaultAsync(s => s.UserId == "nobody"));
        Assert.Null(db.GameScores.FirstOrDefault(s => s.UserId == "nobody"));
    }

    [Fact]
    public async Task First_with_a_filter_keeps_paging_until_an_item_matches()
    {
        await using var db = _fixture.CreateContext();

        var score = await db.GameScores.FirstAsync(s => s.UserId == "103" && s.TopScore > 9000);

        Assert.Equal("Comet Quest", score.Title);
        Assert.DoesNotContain("Limit", Assert.Single(Recorder.Requests).Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Single_and_SingleOrDefault()
    {
        await using var db = _fixture.CreateContext();

        Assert.Equal("Alien Adventure", (await db.GameScores.SingleAsync(s => s.UserId == "102" && s.Wins > 10)).Title);
        Assert.Equal("Alien Adventure", db.GameScores.Single(s => s.UserId == "102" && s.Wins > 10).Title);
        Assert.Null(await db.GameScores.SingleOrDefaultAsync(s => s.UserId == "102" && s.Wins > 1000));
        var duplicate = await Assert.ThrowsAsync<InvalidOperationException>(() => db.GameScores.SingleAsync(s => s.UserId == "102"));
        Assert.Contains("more than one", duplicate.Message, StringComparison.OrdinalIgnoreCase);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.GameScores.SingleOrDefaultAsync(s => s.UserId == "102"));
    }

    [Fact]
    public async Task Count_and_LongCount_use_Select_COUNT()
    {
        await using var db = _fixture.CreateContext();

        Assert.Equal(3, await db.GameScores.CountAsync(s => s.UserId == "101"));
        Assert.Equal(8, db.GameScores.Count());
        Assert.Equal(2L, await db.GameScores.Where(s => s.UserId == "101").LongCountAsync(s => s.Wins > 5));
        Assert.All(Recorder.Requests, r => Assert.Contains("Select: COUNT", r.Expressions, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Any_and_All()
    {
        await using var db = _fixture.CreateContext();

        Assert.True(await db.GameScores.AnyAsync(s => s.UserId == "101"));
        Assert.Contains("Limit: 1", Assert.Single(Recorder.Requests).Expressions, StringComparison.Ordinal);
        Assert.False(await db.GameScores.AnyAsync(s => s.UserId == "nobody"));
        Assert.True(db.GameScores.Any(s => s.UserId == "102" && s.Losses > 100));
        Assert.True(await db.GameScores.Where(s => s.UserId == "101").AllAsync(s => s.Wins >= 4));
        Assert.False(await db.GameScores.Where(s => s.UserId == "101").AllAsync(s => s.Wins > 4));
    }

    [Fact]
    public async Task AsAsyncEnumerable_streams()
    {
        await using var db = _fixture.CreateContext();

        var titles = new List<string>();
        await foreach (var score in db.GameScores.Where(s => s.UserId == "101").AsAsyncEnumerable())
        {
            titles.Add(score.Title);
        }

        Assert.Equal(["Galaxy Invaders", "Meteor Blasters", "Starship X"], titles);
    }

    [Fact]
    public async Task Take_limits_the_items_returned()
    {
        await using var db = _fixture.CreateContext();

        Assert.Equal(2, (await db.GameScores.Where(s => s.UserId == "101").Take(2).ToListAsync()).Count);
        Assert.Equal(2, (await db.GameScores.Where(s => s.UserId == "101" && s.Wins > 1).Take(2).ToListAsync()).Count);
        Assert.Empty(await db.GameScores.Where(s => s.UserId == "101").Take(0).ToListAsync());
    }

    [Fact]
    public async Task Filters_combine_comparisons_with_and_or_not()
    {
        await using var db = _fixture.CreateContext();

        var scores = await db.GameScores
            .Where(s => s.UserId == "103" && (s.Wins >= 40 || !(s.Losses != 8)))
            .ToListAsync();

        Assert.Equal(["Attack Ships", "Comet Quest", "Galaxy Invaders"], scores.Select(s => s.Title));
    }

    [Fact]
    public async Task Null_checks_become_attribute_existence()
    {
        await using var db = _fixture.CreateContext();

        var withComment = await db.GameScores.Where(s => s.Comment != null).ToListAsync();
        var withoutComment = await db.GameScores.Where(s => s.UserId == "101" && s.Comment == null).ToListAsync();

        Assert.Equal(["Comet Quest", "Meteor Blasters"], withComment.Select(s => s.Title).Order());
        Assert.Equal(["Galaxy Invaders", "Starship X"], withoutComment.Select(s => s.Title));
        Assert.Contains(Recorder.Requests, r => r.Expressions.Contains("attribute_exists(#n0)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Captured_variables_are_parameters_and_the_compiled_query_is_reused()
    {
        await using var db = _fixture.CreateContext();

        foreach (var (user, expected) in new[] { ("101", 3), ("102", 2), ("104", 0) })
        {
            Assert.Equal(expected, (await db.GameScores.Where(s => s.UserId == user).ToListAsync()).Count);
        }

        Assert.Equal(3, Recorder.Requests.Count);
        Assert.All(Recorder.Requests, r => Assert.Equal("Query", r.Operation));
    }

    [Fact]
    public async Task A_null_parameter_compares_as_CSharp_does()
    {
        await using var db = _fixture.CreateContext();
        string? comment = null;

        var scores = await db.GameScores.Where(s => s.UserId == "103" && s.Comment == comment).ToListAsync();

        Assert.Equal(["Attack Ships", "Galaxy Invaders"], scores.Select(s => s.Title));
    }

    [Fact]
    public async Task Enums_dates_and_converted_values_compare_by_their_stored_form()
    {
        await using var db = _fixture.CreateContext();
        var since = new DateTime(2015, 9, 1, 0, 0, 0, DateTimeKind.Utc);

        var coop = await db.GameScores.Where(s => s.Mode == GameMode.Coop).ToListAsync();
        var recent = await db.GameScores.Where(s => s.UserId == "101" && s.TopScoreTime >= since).ToListAsync();

        Assert.Equal(["Alien Adventure", "Comet Quest"], coop.Select(s => s.Title).Order());
        Assert.Equal(["Galaxy Invaders", "Meteor Blasters"], recent.Select(s => s.Title));
    }

    [Fact]
    public async Task EF_Property_reads_an_attribute_by_property_name()
    {
        await using var db = _fixture.CreateContext();

        var scores = await db.GameScores.Where(s => EF.Property<string>(s, "UserId") == "102").ToListAsync();

        Assert.Equal(2, scores.Count);
        Assert.Equal(["Query"], Recorder.Operations);
    }

    [Fact]
    public async Task Tracking_queries_return_tracked_entities_and_no_tracking_does_not()
    {
        await using var db = _fixture.CreateContext();

        var tracked = await db.GameScores.Where(s => s.UserId == "101").ToListAsync();
        var untracked = await db.GameScores.AsNoTracking().Where(s => s.UserId == "102").ToListAsync();

        Assert.All(tracked, s => Assert.Equal(EntityState.Unchanged, db.Entry(s).State));
        Assert.All(untracked, s => Assert.Equal(EntityState.Detached, db.Entry(s).State));
        Assert.Same(tracked[0], await db.GameScores.FirstAsync(s => s.UserId == "101"));
    }

    [Fact]
    public async Task An_untranslatable_query_fails_with_EFs_translation_error()
    {
        await using var db = _fixture.CreateContext();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => db.GameScores.Where(s => s.Title.Length > 3 && s.UserId.EndsWith('1')).ToListAsync());
        Assert.Contains("could not be translated", error.Message, StringComparison.Ordinal);

        var groupBy = Assert.Throws<InvalidOperationException>(() => db.GameScores.GroupBy(s => s.UserId).Select(g => g.Count()).ToList());
        Assert.Contains("could not be translated", groupBy.Message, StringComparison.Ordinal);
        Assert.Empty(Recorder.Requests);
    }

    [Fact]
    public async Task ToQueryString_shows_the_request_with_placeholders_only()
    {
        await using var db = _fixture.CreateContext();

        var text = db.GameScores.Where(s => s.UserId == "101" && s.Wins > 5).ToQueryString();

        Assert.StartsWith("Query ", text, StringComparison.Ordinal);
        Assert.Contains("KeyCondition: #n0 = :v0", text, StringComparison.Ordinal);
        Assert.DoesNotContain("101", text[text.IndexOf('\n', StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Empty(Recorder.Requests);
    }
}

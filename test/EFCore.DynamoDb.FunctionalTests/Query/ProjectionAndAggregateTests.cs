using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>Select → ProjectionExpression (no materialization, no tracking), and Min/Max/Sum/Average.</summary>
public class ProjectionAndAggregateTests : IClassFixture<GameFixture>
{
    private readonly GameFixture _fixture;

    public ProjectionAndAggregateTests(GameFixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private RequestRecorder Recorder => _fixture.Store.Recorder;

    [Fact]
    public async Task Selecting_a_scalar_reads_only_that_attribute_and_tracks_nothing()
    {
        await using var db = _fixture.CreateContext();

        var titles = await db.GameScores.Where(s => s.UserId == "101").Select(s => s.Title).ToListAsync();

        Assert.Equal(["Galaxy Invaders", "Meteor Blasters", "Starship X"], titles);
        Assert.Matches(@"Projection: #n\d; Names: #n\d=Title, #n\d=UserId", Assert.Single(Recorder.Requests).Expressions);
        Assert.Empty(db.ChangeTracker.Entries());
    }

    [Fact]
    public async Task Selecting_an_anonymous_type_reads_its_attributes()
    {
        await using var db = _fixture.CreateContext();

        var scores = await db.GameScores.Where(s => s.UserId == "103").Select(s => new { s.Title, Score = s.TopScore, s.Comment }).ToListAsync();

        Assert.Equal(3, scores.Count);
        Assert.Equal(9500, scores.Single(s => s.Title == "Comet Quest").Score);
        Assert.Equal("record", scores.Single(s => s.Title == "Comet Quest").Comment);
        Assert.Matches(@"Projection: #n\d, #n\d, #n\d", Assert.Single(Recorder.Requests).Expressions);
        Assert.Contains("=note", Recorder.Requests[0].Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public void Selecting_into_a_DTO_with_a_computed_member_sync()
    {
        using var db = _fixture.CreateContext();

        var summaries = db.GameScores.Where(s => s.UserId == "101")
            .Select(s => new ScoreSummary(s.Title, s.Wins + s.Losses, s.Mode.ToString()))
            .ToList();

        Assert.Equal(93, summaries.Single(s => s.Title == "Galaxy Invaders").Games);
        Assert.Equal("Versus", summaries.Single(s => s.Title == "Meteor Blasters").Mode);
    }

    [Fact]
    public async Task Selecting_the_entity_in_a_projection_reads_whole_items_and_tracks_it()
    {
        await using var db = _fixture.CreateContext();

        var pairs = await db.GameScores.Where(s => s.UserId == "102").Select(s => new { Score = s, s.Title }).ToListAsync();

        Assert.Equal(2, pairs.Count);
        Assert.DoesNotContain("Projection", Assert.Single(Recorder.Requests).Expressions, StringComparison.Ordinal);
        Assert.Equal(2, db.ChangeTracker.Entries().Count());
    }

    [Fact]
    public async Task A_projection_with_a_condition_on_the_sort_key_still_reads_what_it_filters_on()
    {
        await using var db = _fixture.CreateContext();

        var wins = await db.GameScores.Where(s => s.UserId == "101" && s.Title != "Starship X").Select(s => s.Wins).ToListAsync();

        Assert.Equal([21, 12], wins);
    }

    [Fact]
    public async Task Sum_Average_Min_Max_fold_the_projected_values()
    {
        await using var db = _fixture.CreateContext();

        Assert.Equal(37, await db.GameScores.Where(s => s.UserId == "101").SumAsync(s => s.Wins));
        Assert.Equal(84, db.GameScores.Where(s => s.UserId == "101").Select(s => s.Losses).Sum());
        Assert.Equal(2317.0 + 9500 + 3, (await db.GameScores.Where(s => s.UserId == "103").AverageAsync(s => s.TopScore)) * 3, 6);
        Assert.Equal(0, await db.GameScores.MinAsync(s => s.TopScore));
        Assert.Equal(9500, await db.GameScores.MaxAsync(s => s.TopScore));
        Assert.Equal(new DateTime(2015, 10, 22, 23, 18, 1, DateTimeKind.Utc), await db.GameScores.MaxAsync(s => s.TopScoreTime));
    }

    [Fact]
    public async Task Min_and_Max_of_an_empty_sequence_behave_as_LINQ()
    {
        await using var db = _fixture.CreateContext();

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.GameScores.Where(s => s.UserId == "nobody").MaxAsync(s => s.Wins));
        Assert.Null(await db.GameScores.Where(s => s.UserId == "nobody").MaxAsync(s => (int?)s.Wins));
        Assert.Equal(0, await db.GameScores.Where(s => s.UserId == "nobody").SumAsync(s => s.Wins));
    }

    [Fact]
    public async Task Min_and_Max_of_the_sort_key_read_a_single_item_from_the_right_end()
    {
        await using var db = _fixture.CreateContext();

        var last = await db.GameScores.Where(s => s.UserId == "103").MaxAsync(s => s.Title);
        var first = await db.GameScores.Where(s => s.UserId == "103").MinAsync(s => s.Title);

        Assert.Equal("Galaxy Invaders", last);
        Assert.Equal("Attack Ships", first);
        Assert.True(Recorder.Requests.Count == 2, string.Join(" | ", Recorder.Requests.Select(r => r.Expressions)));
        Assert.All(Recorder.Requests, r => Assert.Contains("Limit: 1", r.Expressions, StringComparison.Ordinal));
        Assert.Contains("ScanIndexForward: false", Recorder.Requests[0].Expressions, StringComparison.Ordinal);
    }

    public sealed record ScoreSummary(string Title, int Games, string Mode);
}

using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>Which request each query sends: key conditions versus filters, and how many requests.</summary>
public class KeyAccessPathTests : IClassFixture<GameFixture>
{
    private readonly GameFixture _fixture;

    public KeyAccessPathTests(GameFixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private RequestRecorder Recorder => _fixture.Store.Recorder;

    [Fact]
    public async Task Find_async_sends_exactly_one_GetItem()
    {
        await using var db = _fixture.CreateContext();

        var score = await db.GameScores.FindAsync("101", "Meteor Blasters");

        Assert.NotNull(score);
        Assert.Equal(1000, score.TopScore);
        Assert.Equal(["GetItem"], Recorder.Operations);
    }

    [Fact]
    public void Find_sync_sends_exactly_one_GetItem_and_a_second_Find_none()
    {
        using var db = _fixture.CreateContext();

        var first = db.GameScores.Find("102", "Alien Adventure");
        var second = db.GameScores.Find("102", "Alien Adventure");

        Assert.Same(first, second);
        Assert.Equal(["GetItem"], Recorder.Operations);
    }

    [Fact]
    public async Task Find_of_a_missing_key_returns_null()
    {
        await using var db = _fixture.CreateContext();

        Assert.Null(await db.GameScores.FindAsync("999", "Nothing"));
        Assert.Equal(["GetItem"], Recorder.Operations);
    }

    [Fact]
    public async Task Full_key_equality_in_Where_is_a_GetItem()
    {
        await using var db = _fixture.CreateContext();

        var scores = await db.GameScores.Where(s => s.Title == "Comet Quest" && s.UserId == "103").ToListAsync();

        Assert.Equal(9500, Assert.Single(scores).TopScore);
        Assert.Equal(["GetItem"], Recorder.Operations);
    }

    [Fact]
    public async Task Partition_key_equality_is_a_Query_never_a_Scan()
    {
        await using var db = _fixture.CreateContext();

        var scores = await db.GameScores.Where(s => s.UserId == "101").ToListAsync();

        Assert.Equal(["Galaxy Invaders", "Meteor Blasters", "Starship X"], scores.Select(s => s.Title));
        var request = Assert.Single(Recorder.Requests);
        Assert.Equal("Query", request.Operation);
        Assert.Contains("KeyCondition: #n0 = :v0", request.Expressions, StringComparison.Ordinal);
        Assert.DoesNotContain("Filter", request.Expressions, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<", new[] { "Galaxy Invaders" })]
    [InlineData("<=", new[] { "Galaxy Invaders", "Meteor Blasters" })]
    [InlineData(">", new[] { "Starship X" })]
    [InlineData(">=", new[] { "Meteor Blasters", "Starship X" })]
    public async Task Sort_key_comparisons_go_to_the_key_condition(string op, string[] expected)
    {
        await using var db = _fixture.CreateContext();
        var title = "Meteor Blasters";
        var query = db.GameScores.Where(s => s.UserId == "101");
        query = op switch
        {
            "<" => query.Where(s => string.Compare(s.Title, title, StringComparison.Ordinal) < 0),
            "<=" => query.Where(s => string.CompareOrdinal(s.Title, title) <= 0),
            ">" => query.Where(s => 0 < string.Compare(s.Title, title, StringComparison.Ordinal)),
            _ => query.Where(s => string.CompareOrdinal(title, s.Title) <= 0)
        };

        var scores = await query.ToListAsync();

        Assert.Equal(expected, scores.Select(s => s.Title));
        var request = Assert.Single(Recorder.Requests);
        Assert.Equal("Query", request.Operation);
        Assert.Contains($"KeyCondition: #n0 = :v0 AND #n1 {op} :v1", request.Expressions, StringComparison.Ordinal);
        Assert.DoesNotContain("Filter", request.Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sort_key_lower_and_upper_bounds_make_a_BETWEEN()
    {
        await using var db = _fixture.CreateContext();

        var scores = await db.GameScores
            .Where(s => s.UserId == "101" && string.CompareOrdinal(s.Title, "H") >= 0 && string.CompareOrdinal(s.Title, "N") <= 0)
            .ToListAsync();

        Assert.Equal("Meteor Blasters", Assert.Single(scores).Title);
        Assert.Contains("BETWEEN", Assert.Single(Recorder.Requests).Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_key_predicates_are_a_filter_on_the_Query()
    {
        await using var db = _fixture.CreateContext();

        var scores = await db.GameScores.Where(s => s.UserId == "101" && s.Wins > 5).ToListAsync();

        Assert.Equal(["Galaxy Invaders", "Meteor Blasters"], scores.Select(s => s.Title));
        var request = Assert.Single(Recorder.Requests);
        Assert.Equal("Query", request.Operation);
        Assert.Contains("Filter: #n1 > :v1", request.Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_partition_key_the_query_scans_with_a_filter_and_warns()
    {
        await using var db = _fixture.CreateContext();

        var scores = await db.GameScores.Where(s => s.Title == "Galaxy Invaders").ToListAsync();

        Assert.Equal(["101", "102", "103"], scores.Select(s => s.UserId).Order());
        var request = Assert.Single(Recorder.Requests);
        Assert.Equal("Scan", request.Operation);
        Assert.Contains("Filter: #n0 = :v0", request.Expressions, StringComparison.Ordinal);
        Assert.Contains(Recorder.Log, l => l.Id == Microsoft.EntityFrameworkCore.Diagnostics.DynamoDbEventId.ScanWarning);
    }

    [Fact]
    public async Task Partition_key_inside_an_OR_cannot_be_a_key_condition()
    {
        await using var db = _fixture.CreateContext();

        var scores = await db.GameScores.Where(s => s.UserId == "101" || s.UserId == "102").ToListAsync();

        Assert.Equal(5, scores.Count);
        Assert.Equal(["Scan"], Recorder.Operations);
    }
}

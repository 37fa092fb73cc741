using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>StartsWith → begins_with, string Contains → contains, local collection Contains → IN or BatchGetItem.</summary>
public class StringAndCollectionOperatorTests : IClassFixture<GameFixture>
{
    private readonly GameFixture _fixture;

    public StringAndCollectionOperatorTests(GameFixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private RequestRecorder Recorder => _fixture.Store.Recorder;

    [Fact]
    public async Task StartsWith_on_the_sort_key_is_a_begins_with_key_condition()
    {
        await using var db = _fixture.CreateContext();
        var prefix = "Galaxy";

        var scores = await db.GameScores.Where(s => s.UserId == "101" && s.Title.StartsWith(prefix)).ToListAsync();

        Assert.Equal("Galaxy Invaders", Assert.Single(scores).Title);
        var request = Assert.Single(Recorder.Requests);
        Assert.Equal("Query", request.Operation);
        Assert.Contains("KeyCondition: #n0 = :v0 AND begins_with(#n1, :v1)", request.Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartsWith_elsewhere_is_a_begins_with_filter()
    {
        await using var db = _fixture.CreateContext();

        var scores = await db.GameScores.Where(s => s.Title.StartsWith("Galaxy", StringComparison.Ordinal)).ToListAsync();

        Assert.Equal(3, scores.Count);
        Assert.Contains("Filter: begins_with(#n0, :v0)", Assert.Single(Recorder.Requests).Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task String_Contains_is_a_contains_filter()
    {
        await using var db = _fixture.CreateContext();

        var withWord = await db.GameScores.Where(s => s.Comment!.Contains("cor")).ToListAsync();

        Assert.Equal("Comet Quest", Assert.Single(withWord).Title);
        Assert.Contains("Filter: contains(#n0, :v0)", Assert.Single(Recorder.Requests).Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conditions_on_a_Querys_own_key_beyond_the_key_condition_apply_to_the_returned_items()
    {
        await using var db = _fixture.CreateContext();

        // DynamoDB refuses key attributes in a Query's FilterExpression, so these run on the returned items.
        var withSpace = await db.GameScores.Where(s => s.UserId == "101" && s.Title.Contains(' ')).ToListAsync();
        var between = await db.GameScores
            .Where(s => s.UserId == "103" && string.CompareOrdinal(s.Title, "B") > 0 && string.CompareOrdinal(s.Title, "D") < 0)
            .ToListAsync();
        var notEqual = await db.GameScores.CountAsync(s => s.UserId == "101" && s.Title != "Starship X");

        Assert.Equal(3, withSpace.Count);
        Assert.Equal("Comet Quest", Assert.Single(between).Title);
        Assert.Equal(2, notEqual);
        Assert.All(Recorder.Requests, r => Assert.DoesNotContain("Filter", r.Expressions, StringComparison.Ordinal));
        Assert.DoesNotContain("Select: COUNT", Recorder.Requests[^1].Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Culture_aware_StartsWith_is_not_translated()
    {
        await using var db = _fixture.CreateContext();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => db.GameScores.Where(s => s.Title.StartsWith("g", StringComparison.OrdinalIgnoreCase)).ToListAsync());

        Assert.Contains("could not be translated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_local_list_Contains_on_a_non_key_is_an_IN_filter()
    {
        await using var db = _fixture.CreateContext();
        var wins = new List<int> { 0, 1, 40 };

        var scores = await db.GameScores.Where(s => wins.Contains(s.Wins)).ToListAsync();

        Assert.Equal(["Attack Ships", "Galaxy Invaders", "Galaxy Invaders"], scores.Select(s => s.Title).Order());
        Assert.Contains("Filter: #n0 IN (:v0, :v1, :v2)", Assert.Single(Recorder.Requests).Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_100_values_are_split_into_several_INs()
    {
        await using var db = _fixture.CreateContext();
        var wins = Enumerable.Range(1000, 150).Append(50).ToArray();

        var scores = await db.GameScores.Where(s => wins.Contains(s.Wins)).ToListAsync();

        Assert.Equal("Comet Quest", Assert.Single(scores).Title);
        Assert.Contains(") OR #n0 IN (", Assert.Single(Recorder.Requests).Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_list_matches_nothing_and_a_null_matches_a_missing_attribute()
    {
        await using var db = _fixture.CreateContext();
        var none = Array.Empty<string>();
        var comments = new[] { null, "record" };

        Assert.Empty(await db.GameScores.Where(s => s.UserId == "103" && none.Contains(s.Comment)).ToListAsync());
        var withComment = await db.GameScores.Where(s => s.UserId == "103" && comments.Contains(s.Comment)).ToListAsync();

        Assert.Equal(3, withComment.Count);
    }

    [Fact]
    public async Task Partition_keys_from_a_list_with_the_sort_key_fixed_are_a_BatchGetItem()
    {
        await using var db = _fixture.CreateContext();
        var users = new[] { "101", "102", "103", "999", "101" };

        var scores = await db.GameScores.Where(s => users.Contains(s.UserId) && s.Title == "Galaxy Invaders").ToListAsync();

        Assert.Equal(["101", "102", "103"], scores.Select(s => s.UserId).Order());
        var request = Assert.Single(Recorder.Requests);
        Assert.Equal("BatchGetItem", request.Operation);
        Assert.Contains("Keys: 4", request.Expressions, StringComparison.Ordinal);
    }
}

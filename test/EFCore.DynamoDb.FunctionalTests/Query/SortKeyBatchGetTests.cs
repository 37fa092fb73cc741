using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>pk == v &amp;&amp; keys.Contains(sk) reads those items with BatchGetItem, not the whole partition.</summary>
public class SortKeyBatchGetTests : IClassFixture<GameFixture>
{
    private static readonly string[] Titles = ["Galaxy Invaders", "Starship X", "Nope"];

    private readonly GameFixture _fixture;

    public SortKeyBatchGetTests(GameFixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private RequestRecorder Recorder => _fixture.Store.Recorder;

    [Fact]
    public async Task The_partition_times_the_sort_keys_is_one_BatchGetItem()
    {
        await using var db = _fixture.CreateContext();

        var scores = await db.GameScores.Where(s => s.UserId == "101" && Titles.Contains(s.Title)).ToListAsync();

        Assert.Equal(["Galaxy Invaders", "Starship X"], scores.Select(s => s.Title).Order());
        Assert.Equal(["BatchGetItem"], Recorder.Operations);
        Assert.Contains("Keys: 3", Assert.Single(Recorder.Requests).Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_entities_are_tracked_so_a_Find_sends_nothing_more()
    {
        await using var db = _fixture.CreateContext();

        var scores = await db.GameScores.Where(s => s.UserId == "101" && Titles.Contains(s.Title)).ToListAsync();

        Assert.Same(scores.Single(s => s.Title == "Starship X"), await db.GameScores.FindAsync("101", "Starship X"));
        Assert.Equal(["BatchGetItem"], Recorder.Operations);
    }

    [Fact]
    public async Task Other_conditions_are_applied_to_the_returned_items()
    {
        await using var db = _fixture.CreateContext();

        var scores = await db.GameScores.Where(s => s.UserId == "101" && Titles.Contains(s.Title) && s.Wins > 10).ToListAsync();

        Assert.Equal("Galaxy Invaders", Assert.Single(scores).Title);
        Assert.Equal(["BatchGetItem"], Recorder.Operations);
    }

    [Fact]
    public async Task A_projection_reads_its_attributes_and_Count_and_Take_count_the_items_found()
    {
        await using var db = _fixture.CreateContext();

        var topScores = await db.GameScores.AsNoTracking().Where(s => s.UserId == "101" && Titles.Contains(s.Title)).Select(s => s.TopScore).ToListAsync();
        var count = await db.GameScores.CountAsync(s => s.UserId == "101" && Titles.Contains(s.Title));
        var taken = await db.GameScores.Where(s => s.UserId == "101" && Titles.Contains(s.Title)).Take(1).ToListAsync();

        Assert.Equal([24, 5842], topScores.Order());
        Assert.Equal(2, count);
        Assert.Single(taken);
        Assert.Equal(["BatchGetItem", "BatchGetItem", "BatchGetItem"], Recorder.Operations);
        Assert.Contains("Projection", Recorder.Requests[0].Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_100_sort_keys_are_two_BatchGetItem_calls()
    {
        await using var db = _fixture.CreateContext();
        var titles = Enumerable.Range(0, 149).Select(i => $"Title {i}").Append("Meteor Blasters").ToList();

        var scores = await db.GameScores.Where(s => s.UserId == "101" && titles.Contains(s.Title)).ToListAsync();

        Assert.Equal("Meteor Blasters", Assert.Single(scores).Title);
        Assert.Equal(["BatchGetItem", "BatchGetItem"], Recorder.Operations);
    }

    [Fact]
    public async Task An_ordering_on_the_sort_key_keeps_the_Query_that_serves_it()
    {
        await using var db = _fixture.CreateContext();

        var scores = await db.GameScores.Where(s => s.UserId == "101" && Titles.Contains(s.Title)).OrderByDescending(s => s.Title).ToListAsync();

        Assert.Equal(["Starship X", "Galaxy Invaders"], scores.Select(s => s.Title));
        Assert.Equal(["Query"], Recorder.Operations);
    }
}

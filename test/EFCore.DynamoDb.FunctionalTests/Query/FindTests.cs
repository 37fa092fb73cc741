using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
///     <c>Find</c> through the provider's compiled key lookup: one query per entity type, the key values its parameters,
///     tracking as EF's <c>Find</c> does; anything else still EF's path.
/// </summary>
public class FindTests : IClassFixture<GameFixture>
{
    private readonly GameFixture _fixture;

    public FindTests(GameFixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private RequestRecorder Recorder => _fixture.Store.Recorder;

    [Fact]
    public async Task Finds_of_different_keys_in_new_contexts_read_each_key_with_one_GetItem()
    {
        foreach (var (userId, title, topScore) in new[] { ("101", "Galaxy Invaders", 5842), ("103", "Comet Quest", 9500), ("102", "Alien Adventure", 192) })
        {
            await using var db = _fixture.CreateContext();

            var score = await db.GameScores.FindAsync(userId, title);

            Assert.Equal(topScore, score!.TopScore);
            Assert.Equal(EntityState.Unchanged, db.Entry(score).State);
        }

        Assert.Equal(["GetItem", "GetItem", "GetItem"], Recorder.Operations);
    }

    [Fact]
    public async Task Find_of_a_tracked_entity_sends_no_request()
    {
        await using var db = _fixture.CreateContext();
        var loaded = await db.GameScores.SingleAsync(s => s.UserId == "103" && s.Title == "Attack Ships");
        Recorder.Clear();

        Assert.Same(loaded, await db.GameScores.FindAsync("103", "Attack Ships"));
        Assert.Same(loaded, db.GameScores.Find("103", "Attack Ships"));
        Assert.Empty(Recorder.Operations);
    }

    [Theory]
    [InlineData(QueryTrackingBehavior.NoTracking)]
    [InlineData(QueryTrackingBehavior.NoTrackingWithIdentityResolution)]
    public async Task Find_follows_a_no_tracking_context_as_EFs_does(QueryTrackingBehavior tracking)
    {
        await using var db = _fixture.CreateContext();
        db.ChangeTracker.QueryTrackingBehavior = tracking;

        var first = await db.GameScores.FindAsync("101", "Starship X");
        var second = db.GameScores.Find("101", "Starship X");

        Assert.Equal(24, first!.TopScore);
        Assert.Equal(24, second!.TopScore);
        Assert.Equal(EntityState.Detached, db.Entry(first).State);
        Assert.Equal(["GetItem", "GetItem"], Recorder.Operations);
    }

    [Fact]
    public async Task Find_with_a_key_value_of_another_type_is_refused_by_EF_before_any_request()
    {
        await using var db = _fixture.CreateContext();

        var exception = await Assert.ThrowsAsync<ArgumentException>(async () => await db.GameScores.FindAsync("101", 7));

        Assert.Contains("GameScore", exception.Message);
        Assert.Empty(Recorder.Operations);
    }

    [Fact]
    public async Task Find_with_a_cancellation_token_among_the_key_values_still_finds()
    {
        await using var db = _fixture.CreateContext();

        var score = await db.GameScores.FindAsync("102", "Galaxy Invaders", CancellationToken.None);

        Assert.Equal(5, score!.Losses);
        Assert.Equal(["GetItem"], Recorder.Operations);
    }
}

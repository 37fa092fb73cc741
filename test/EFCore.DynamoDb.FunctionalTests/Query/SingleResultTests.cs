using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
///     An asynchronous <c>First</c>, <c>Single</c> or their <c>OrDefault</c> forms keep EF Core's semantics whether the
///     read is one page (a <c>GetItem</c>, awaited by the provider's own single-result method) or any other read
///     (enumerated): no result, more than one, cancellation, tracking and the failure's log (the concurrency check: ConcurrencyDetectionTests).
/// </summary>
public class SingleResultTests : IClassFixture<GameFixture>
{
    private readonly GameFixture _fixture;

    public SingleResultTests(GameFixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private RequestRecorder Recorder => _fixture.Store.Recorder;

    [Fact]
    public async Task Each_single_result_by_a_full_key_is_one_GetItem_and_is_tracked()
    {
        await using var db = _fixture.CreateContext();

        var first = await db.GameScores.FirstAsync(s => s.UserId == "101" && s.Title == "Starship X");
        var single = await db.GameScores.SingleAsync(s => s.UserId == "103" && s.Title == "Comet Quest");
        var firstOrDefault = await db.GameScores.FirstOrDefaultAsync(s => s.UserId == "102" && s.Title == "Alien Adventure");
        var singleOrDefault = await db.GameScores.SingleOrDefaultAsync(s => s.UserId == "103" && s.Title == "Attack Ships");

        Assert.Equal([24, 9500, 192, 3], [first.TopScore, single.TopScore, firstOrDefault!.TopScore, singleOrDefault!.TopScore]);
        Assert.All([first, single, firstOrDefault, singleOrDefault], s => Assert.Equal(EntityState.Unchanged, db.Entry(s).State));
        Assert.Same(first, await db.GameScores.SingleAsync(s => s.UserId == "101" && s.Title == "Starship X"));
        Assert.Equal(["GetItem", "GetItem", "GetItem", "GetItem", "GetItem"], Recorder.Operations);
    }

    [Fact]
    public async Task A_missing_key_is_the_default_for_the_OrDefault_forms_and_an_error_for_the_others()
    {
        await using var db = _fixture.CreateContext();

        Assert.Null(await db.GameScores.FirstOrDefaultAsync(s => s.UserId == "101" && s.Title == "No such game"));
        Assert.Null(await db.GameScores.SingleOrDefaultAsync(s => s.UserId == "101" && s.Title == "No such game"));
        Assert.Null(await db.GameScores.AsNoTracking().Where(s => s.UserId == "101" && s.Title == "No such game").Select(s => (int?)s.TopScore).FirstOrDefaultAsync());
        var first = await Assert.ThrowsAsync<InvalidOperationException>(() => db.GameScores.FirstAsync(s => s.UserId == "101" && s.Title == "No such game"));
        var single = await Assert.ThrowsAsync<InvalidOperationException>(() => db.GameScores.SingleAsync(s => s.UserId == "101" && s.Title == "No such game"));

        Assert.Equal("Sequence contains no elements.", first.Message);
        Assert.Equal("Sequence contains no elements.", single.Message);
        Assert.Equal(["GetItem", "GetItem", "GetItem", "GetItem", "GetItem"], Recorder.Operations);
        Assert.DoesNotContain(Recorder.Log, l => l.Id == CoreEventId.QueryIterationFailed);
    }

    [Fact]
    public async Task Take_Skip_Count_and_Any_of_a_full_key_keep_their_meaning_and_request_counts()
    {
        await using var db = _fixture.CreateContext();
        var key = db.GameScores.Where(s => s.UserId == "101" && s.Title == "Starship X");

        Assert.Null(await key.Take(0).FirstOrDefaultAsync());
        Assert.Null(await key.Skip(1).FirstOrDefaultAsync());
        Assert.Equal(1, await key.CountAsync());
        Assert.True(await key.AnyAsync());
        Assert.False(await db.GameScores.Where(s => s.UserId == "101" && s.Title == "No such game").AnyAsync());

        // Take(0) reads nothing; the other four read the key once each.
        Assert.Equal(["GetItem", "GetItem", "GetItem", "GetItem"], Recorder.Operations);
    }

    [Fact]
    public async Task A_projected_value_of_a_key_read_is_returned_as_the_single_result()
    {
        await using var db = _fixture.CreateContext();

        var topScore = await db.GameScores.Where(s => s.UserId == "103" && s.Title == "Galaxy Invaders").Select(s => s.TopScore).SingleAsync();
        var missing = await db.GameScores.Where(s => s.UserId == "103" && s.Title == "No such game").Select(s => s.TopScore).FirstOrDefaultAsync();

        Assert.Equal(2317, topScore);
        Assert.Equal(0, missing);
        Assert.Equal(["GetItem", "GetItem"], Recorder.Operations);
    }

    [Fact]
    public async Task More_than_one_result_of_Single_is_an_error_from_a_Query_and_from_a_BatchGetItem()
    {
        await using var db = _fixture.CreateContext();
        var titles = new[] { "Galaxy Invaders", "Starship X" };

        var fromQuery = await Assert.ThrowsAsync<InvalidOperationException>(() => db.GameScores.SingleAsync(s => s.UserId == "101"));
        var fromBatch = await Assert.ThrowsAsync<InvalidOperationException>(
            () => db.GameScores.SingleOrDefaultAsync(s => s.UserId == "101" && titles.Contains(s.Title)));
        var firstOfBatch = await db.GameScores.FirstAsync(s => s.UserId == "101" && titles.Contains(s.Title));

        Assert.Equal("Sequence contains more than one element.", fromQuery.Message);
        Assert.Equal("Sequence contains more than one element.", fromBatch.Message);
        Assert.Contains(firstOfBatch.Title, titles);
        Assert.Equal(["Query", "BatchGetItem", "BatchGetItem"], Recorder.Operations);
    }

    [Fact]
    public async Task A_canceled_single_result_sends_no_request()
    {
        await using var db = _fixture.CreateContext();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => db.GameScores.FirstOrDefaultAsync(s => s.UserId == "101" && s.Title == "Starship X", cancellation.Token));

        Assert.Empty(Recorder.Operations);
        Assert.Single(Recorder.Log, l => l.Id == CoreEventId.QueryCanceled);
    }

    [Fact]
    public async Task A_refused_GetItem_logs_QueryIterationFailed_once()
    {
        await using var proxy = new FaultInjectingProxy(r => r.Operation == "GetItem" ? ProxyFault.Refuse : ProxyFault.None);
        await using var db = new GameContext(_fixture.Store.CreateOptions<GameContext>(o => o.ServiceUrl(proxy.ServiceUrl)));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => db.GameScores.SingleOrDefaultAsync(s => s.UserId == "101" && s.Title == "Starship X"));

        Assert.Contains("Injected refusal", failure.Message, StringComparison.Ordinal);
        var logged = Assert.Single(Recorder.Log, l => l.Id == CoreEventId.QueryIterationFailed);
        Assert.Contains("Injected refusal", logged.Message, StringComparison.Ordinal);
    }
}

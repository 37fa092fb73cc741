using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
///     The results of a read are returned one by one from the pages read: the end of the results, which needs no request,
///     still honours a cancellation, and a read is never resumed after it ended.
/// </summary>
public class QueryEnumerationTests : IClassFixture<GameFixture>
{
    private readonly GameFixture _fixture;

    public QueryEnumerationTests(GameFixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_cancellation_after_the_last_result_throws_at_the_end(bool limited)
    {
        await using var db = _fixture.CreateContext();
        using var cancellation = new CancellationTokenSource();
        var query = db.GameScores.AsNoTracking().Where(s => s.UserId == "101");
        var expected = limited ? 2 : 3;

        var returned = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () =>
            {
                await foreach (var _ in (limited ? query.Take(2) : query).AsAsyncEnumerable().WithCancellation(cancellation.Token))
                {
                    if (++returned == expected)
                    {
                        await cancellation.CancelAsync();
                    }
                }
            });

        Assert.Equal(expected, returned);
        Assert.Equal(["Query"], _fixture.Store.Recorder.Operations);
    }

    [Fact]
    public async Task An_enumerator_at_its_end_stays_there_without_reading_again()
    {
        await using var db = _fixture.CreateContext();
        await using var results = db.GameScores.AsNoTracking().Where(s => s.UserId == "101").AsAsyncEnumerable().GetAsyncEnumerator();

        var count = 0;
        while (await results.MoveNextAsync())
        {
            count++;
        }

        Assert.False(await results.MoveNextAsync());
        Assert.Equal(3, count);
        Assert.Equal(["Query"], _fixture.Store.Recorder.Operations);
    }

    [Fact]
    public void A_synchronous_read_returns_every_result_of_every_page()
    {
        using var db = _fixture.CreateContext();

        var titles = db.GameScores.Where(s => s.UserId == "101").WithPageSize(1).Select(s => s.Title).ToList();

        Assert.Equal(["Galaxy Invaders", "Meteor Blasters", "Starship X"], titles);
        Assert.Equal(["Query", "Query", "Query", "Query"], _fixture.Store.Recorder.Operations);
    }
}

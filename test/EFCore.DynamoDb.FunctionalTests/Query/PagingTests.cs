using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>Results larger than one DynamoDB page (1 MB) are read through LastEvaluatedKey.</summary>
public class PagingTests : IClassFixture<PagingTests.Fixture>
{
    private const int ItemCount = 30;
    private readonly Fixture _fixture;

    public PagingTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    [Fact]
    public async Task A_query_over_more_than_a_page_reads_every_page()
    {
        await using var db = _fixture.CreateContext();

        var scores = await db.GameScores.Where(s => s.UserId == "pager").ToListAsync();

        Assert.Equal(ItemCount, scores.Count);
        var queries = _fixture.Store.Recorder.Operations;
        Assert.True(queries.Count >= 2, $"expected several pages, got {queries.Count}");
        Assert.All(queries, q => Assert.Equal("Query", q));
    }

    [Fact]
    public void Count_sums_the_pages_sync()
    {
        using var db = _fixture.CreateContext();

        Assert.Equal(ItemCount, db.GameScores.Count(s => s.UserId == "pager"));
        Assert.Equal(10, db.GameScores.Count(s => s.UserId == "pager" && s.Wins >= 20));
    }

    [Fact]
    public async Task Take_without_a_filter_reads_only_what_it_returns()
    {
        await using var db = _fixture.CreateContext();

        var scores = await db.GameScores.Where(s => s.UserId == "pager").Take(3).ToListAsync();

        Assert.Equal(3, scores.Count);
        var request = Assert.Single(_fixture.Store.Recorder.Requests);
        Assert.Contains("Limit: 3", request.Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Take_with_a_filter_pages_until_enough_items_match()
    {
        await using var db = _fixture.CreateContext();

        var scores = await db.GameScores.Where(s => s.UserId == "pager" && s.Wins >= 1).Take(ItemCount - 5).ToListAsync();

        Assert.Equal(Enumerable.Range(1, ItemCount - 5), scores.Select(s => s.Wins));
        var requests = _fixture.Store.Recorder.Requests;
        Assert.True(requests.Count >= 2, $"expected several pages, got {requests.Count}");
        Assert.All(requests, r => Assert.DoesNotContain("Limit", r.Expressions, StringComparison.Ordinal));
    }

    public class Fixture : GameFixture
    {
        protected override async Task SeedAsync(GameContext context)
        {
            var padding = new string('x', 60_000);
            for (var i = 0; i < ItemCount; i++)
            {
                context.GameScores.Add(new GameScore { UserId = "pager", Title = $"game-{i:D2}", Wins = i, Comment = padding });
            }

            await context.SaveChangesAsync();
        }
    }
}

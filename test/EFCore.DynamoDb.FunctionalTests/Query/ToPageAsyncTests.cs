using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>ToPageAsync: pages with opaque, validated continuation tokens (Flywheel's limit_and_resume).</summary>
public class ToPageAsyncTests : IClassFixture<ToPageAsyncTests.Fixture>
{
    private readonly Fixture _fixture;

    public ToPageAsyncTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    [Fact]
    public async Task Limit_and_resume_pages_through_every_item_once()
    {
        await using var db = _fixture.CreateContext();
        var titles = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await db.GameScores.Where(s => s.UserId == "pager").ToPageAsync(7, token);
            Assert.True(page.Items.Count <= 7);
            titles.AddRange(page.Items.Select(s => s.Title));
            token = page.ContinuationToken;
            pages++;
        }
        while (token != null);

        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"game-{i:D2}"), titles);
        Assert.InRange(pages, 5, 6);
    }

    [Fact]
    public async Task Pages_of_a_filtered_query_are_full_and_resume_inside_a_DynamoDB_page()
    {
        await using var db = _fixture.CreateContext();

        var odd = new List<int>();
        string? token = null;
        do
        {
            var page = await db.GameScores.Where(s => s.UserId == "pager" && s.Losses == 1).ToPageAsync(4, token);
            odd.AddRange(page.Items.Select(s => s.Wins));
            token = page.ContinuationToken;
        }
        while (token != null);

        Assert.Equal(Enumerable.Range(0, 30).Where(i => i % 2 == 1), odd);
    }

    [Fact]
    public async Task A_scan_pages_too()
    {
        await using var db = _fixture.CreateContext();

        var first = await db.GameScores.Where(s => s.Title == "x").ToPageAsync(10, null);
        var second = await db.GameScores.Where(s => s.Title == "x").ToPageAsync(10, first.ContinuationToken);

        Assert.Equal(10, first.Items.Count);
        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(5, second.Items.Count);
        Assert.Empty(first.Items.Select(s => s.UserId).Intersect(second.Items.Select(s => s.UserId)));
    }

    [Fact]
    public async Task A_projection_pages_with_its_keys()
    {
        await using var db = _fixture.CreateContext();

        var first = await db.GameScores.Where(s => s.UserId == "pager").Select(s => s.Wins).ToPageAsync(20, null);
        var rest = await db.GameScores.Where(s => s.UserId == "pager").Select(s => s.Wins).ToPageAsync(20, first.ContinuationToken);

        Assert.Equal(Enumerable.Range(0, 30), first.Items.Concat(rest.Items));
        Assert.Null(rest.ContinuationToken);
    }

    [Fact]
    public async Task A_tampered_token_or_a_token_of_another_query_is_refused()
    {
        await using var db = _fixture.CreateContext();
        var page = await db.GameScores.Where(s => s.UserId == "pager").ToPageAsync(5, null);
        var token = page.ContinuationToken!;
        var tampered = (token[0] == 'A' ? "B" : "A") + token[1..];

        var changed = await Assert.ThrowsAsync<InvalidOperationException>(
            () => db.GameScores.Where(s => s.UserId == "pager").ToPageAsync(5, tampered));
        var otherQuery = await Assert.ThrowsAsync<InvalidOperationException>(
            () => db.GameScores.Where(s => s.UserId == "other").ToPageAsync(5, token));
        var garbage = await Assert.ThrowsAsync<InvalidOperationException>(
            () => db.GameScores.Where(s => s.UserId == "pager").ToPageAsync(5, "not a token"));

        Assert.All([changed, otherQuery, garbage], e => Assert.Contains("continuation token is not valid", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_compiled_query_is_reused_across_pages()
    {
        await using var db = _fixture.CreateContext();
        var first = await db.GameScores.Where(s => s.UserId == "pager").ToPageAsync(3, null);
        _fixture.Store.Recorder.Clear();

        await db.GameScores.Where(s => s.UserId == "pager").ToPageAsync(3, first.ContinuationToken);

        var request = Assert.Single(_fixture.Store.Recorder.Requests);
        Assert.Contains("Limit: 3", request.Expressions, StringComparison.Ordinal);
        Assert.Contains("ExclusiveStartKey: set", request.Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_is_honoured()
    {
        await using var db = _fixture.CreateContext();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => db.GameScores.Where(s => s.UserId == "pager").ToPageAsync(5, null, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => db.GameScores.Where(s => s.UserId == "pager").ToListAsync(cancelled.Token));
    }

    public class Fixture : GameFixture
    {
        protected override async Task SeedAsync(GameContext context)
        {
            for (var i = 0; i < 30; i++)
            {
                context.GameScores.Add(new GameScore { UserId = "pager", Title = $"game-{i:D2}", Wins = i, Losses = i % 2 });
            }

            for (var i = 0; i < 15; i++)
            {
                context.GameScores.Add(new GameScore { UserId = $"scan-{i}", Title = "x", Wins = i, Losses = 0 });
            }

            await context.SaveChangesAsync();
        }
    }
}

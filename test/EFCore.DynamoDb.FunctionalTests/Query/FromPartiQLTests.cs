using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
///     FromPartiQL: an interpolated PartiQL SELECT whose values are parameters, shaped as LINQ's results, paged by
///     NextToken, composable with Where on a plain SELECT, and refused clearly otherwise.
/// </summary>
public class FromPartiQLTests : IClassFixture<FromPartiQLTests.Fixture>
{
    private const int BulkCount = 400;
    private static readonly string[] Tricky = ["' OR 1=1 --", "\"x\"", "?", "{0}"];
    private readonly Fixture _fixture;

    public FromPartiQLTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private List<Microsoft.EntityFrameworkCore.Diagnostics.DynamoRequestEventData> Statements
        => _fixture.Store.Recorder.Requests.Where(r => r.Operation == "ExecuteStatement").ToList();

    [Fact]
    public async Task Values_with_quotes_and_PartiQL_syntax_are_matched_literally()
    {
        await using var db = _fixture.CreateContext();

        foreach (var title in Tricky)
        {
            var found = await db.GameScores.FromPartiQL($"SELECT * FROM {db.GameScores} WHERE UserId = {"tricky"} AND Title = {title}").ToListAsync();
            Assert.Equal(title, Assert.Single(found).Title);
        }

        var none = await db.GameScores.FromPartiQL($"SELECT * FROM {db.GameScores} WHERE UserId = {"' OR 1=1 --"}").ToListAsync();
        Assert.Empty(none);
        Assert.All(Statements, r => Assert.DoesNotContain("OR 1=1", r.Expressions, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Begins_with_a_parameter_reads_the_matching_items_tracked()
    {
        await using var db = _fixture.CreateContext();

        var scores = await db.GameScores
            .FromPartiQL($"SELECT * FROM {db.GameScores} WHERE UserId = {"101"} AND begins_with(Title, {"Galaxy"})")
            .ToListAsync();

        Assert.Equal("Galaxy Invaders", Assert.Single(scores).Title);
        Assert.Equal(EntityState.Unchanged, db.Entry(scores[0]).State);
        var request = Assert.Single(Statements);
        Assert.Contains(
            $"Statement: SELECT * FROM \"{_fixture.Store.TablePrefix}GameScores\" WHERE UserId = ? AND begins_with(Title, ?)",
            request.Expressions,
            StringComparison.Ordinal);
        Assert.Null(request.Parameters);
    }

    [Fact]
    public async Task A_tracked_entity_read_by_a_statement_saves_as_one_read_by_LINQ()
    {
        await using (var db = _fixture.CreateContext())
        {
            var score = await db.GameScores.FromPartiQL($"SELECT * FROM {db.GameScores} WHERE UserId = {"103"} AND Title = {"Attack Ships"}").SingleAsync();
            score.Wins = 2;
            await db.SaveChangesAsync();
        }

        await using var check = _fixture.CreateContext();
        Assert.Equal(2, (await check.GameScores.SingleAsync(s => s.UserId == "103" && s.Title == "Attack Ships")).Wins);
    }

    [Fact]
    public void No_tracking_returns_untracked_entities_sync()
    {
        using var db = _fixture.CreateContext();

        var scores = db.GameScores.FromPartiQL($"SELECT * FROM {db.GameScores} WHERE UserId = {"102"}").AsNoTracking().ToList();

        Assert.Equal(2, scores.Count);
        Assert.Empty(db.ChangeTracker.Entries());
    }

    [Fact]
    public async Task More_than_a_megabyte_is_read_page_by_page_with_NextToken()
    {
        await using var db = _fixture.CreateContext();

        var scores = await db.GameScores.FromPartiQL($"SELECT * FROM {db.GameScores} WHERE UserId = {"bulk"}").AsNoTracking().ToListAsync();

        Assert.Equal(BulkCount, scores.Count);
        var requests = Statements;
        Assert.Equal(2, requests.Count);
        Assert.DoesNotContain("NextToken", requests[0].Expressions, StringComparison.Ordinal);
        Assert.Contains("NextToken: set", requests[1].Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Take_stops_reading_once_enough_items_are_returned()
    {
        await using var db = _fixture.CreateContext();

        var scores = await db.GameScores.FromPartiQL($"SELECT * FROM {db.GameScores} WHERE UserId = {"bulk"}").Take(3).ToListAsync();

        Assert.Equal(3, scores.Count);
        Assert.Single(Statements);
    }

    [Fact]
    public async Task Take_on_a_statement_without_WHERE_asks_DynamoDB_for_that_many_items()
    {
        await using var db = _fixture.CreateContext();

        var scores = await db.GameScores.FromPartiQL($"SELECT * FROM {db.GameScores}").AllowScan().Take(2).ToListAsync();

        Assert.Equal(2, scores.Count);
        Assert.Contains("Limit: 2", Assert.Single(Statements).Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToPageAsync_resumes_with_the_statement_s_next_token()
    {
        await using var db = _fixture.CreateContext();
        var titles = new List<string>();
        var pages = new List<int>();
        string? token = null;
        do
        {
            var page = await db.GameScores.FromPartiQL($"SELECT * FROM {db.GameScores} WHERE UserId = {"bulk"}").AsNoTracking().ToPageAsync(150, token);
            titles.AddRange(page.Items.Select(s => s.Title));
            pages.Add(page.Items.Count);
            token = page.ContinuationToken;
        }
        while (token != null);

        Assert.Equal(Enumerable.Range(0, BulkCount).Select(i => $"bulk-{i:D3}"), titles.Order());
        Assert.Equal([150, 150, 100], pages);
        Assert.All(Statements, r => Assert.Contains("Limit: 150", r.Expressions, StringComparison.Ordinal));
        Assert.Equal(3, Statements.Count);
    }

    [Fact]
    public async Task A_token_of_another_statement_is_refused()
    {
        await using var db = _fixture.CreateContext();
        var page = await db.GameScores.FromPartiQL($"SELECT * FROM {db.GameScores} WHERE UserId = {"bulk"}").ToPageAsync(10, null);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => db.GameScores.FromPartiQL($"SELECT * FROM {db.GameScores} WHERE UserId = {"101"}").ToPageAsync(10, page.ContinuationToken));
    }

    [Fact]
    public async Task Where_is_joined_to_the_statement_s_condition_with_AND()
    {
        await using var db = _fixture.CreateContext();

        var scores = await db.GameScores
            .FromPartiQL($"SELECT * FROM {db.GameScores} WHERE UserId = {"101"}")
            .Where(s => s.Wins > 3 && s.Comment == null)
            .Select(s => s.Title)
            .ToListAsync();

        Assert.Equal(["Galaxy Invaders", "Starship X"], scores);
        Assert.Contains(
            "WHERE (UserId = ?) AND ((\"Wins\" > ? AND \"note\" IS MISSING))", Assert.Single(Statements).Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Where_adds_a_WHERE_to_a_statement_without_one()
    {
        await using var db = _fixture.CreateContext();
        var users = new[] { "102", "103" };

        var count = await db.GameScores.FromPartiQL($"SELECT * FROM {db.GameScores}")
            .Where(s => users.Contains(s.UserId) && s.Title.StartsWith("Galaxy"))
            .CountAsync();

        Assert.Equal(2, count);
        Assert.Contains(
            "FROM \"" + _fixture.Store.TablePrefix + "GameScores\" WHERE (\"UserId\" IN [?, ?] AND begins_with(\"Title\", ?))",
            Assert.Single(Statements).Expressions,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToQueryString_shows_the_statement_with_placeholders()
    {
        await using var db = _fixture.CreateContext();

        var text = db.GameScores.FromPartiQL($"SELECT * FROM {db.GameScores} WHERE UserId = {"secret-user"}").Where(s => s.Wins > 987654).ToQueryString();

        Assert.StartsWith("ExecuteStatement " + _fixture.Store.TablePrefix + "GameScores", text, StringComparison.Ordinal);
        Assert.Contains("WHERE (UserId = ?) AND (\"Wins\" > ?)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-user", text, StringComparison.Ordinal);
        Assert.DoesNotContain("987654", text, StringComparison.Ordinal);
        Assert.Empty(_fixture.Store.Recorder.Requests);
    }

    [Fact]
    public async Task Sensitive_data_logging_shows_the_values_numbered()
    {
        await using var db = _fixture.CreateContext(sensitiveDataLogging: true);

        _ = await db.GameScores.FromPartiQL($"SELECT * FROM {db.GameScores} WHERE UserId = {"102"} AND Title = {"Alien Adventure"}").ToListAsync();

        Assert.Equal("?1=S:\"102\", ?2=S:\"Alien Adventure\"", Assert.Single(Statements).Parameters);
    }

    [Fact]
    public async Task A_cancelled_query_sends_nothing()
    {
        await using var db = _fixture.CreateContext();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => db.GameScores.FromPartiQL($"SELECT * FROM {db.GameScores} WHERE UserId = {"bulk"}").ToListAsync(cancellation.Token));
        Assert.Empty(Statements);
    }

    [Fact]
    public async Task Cancelling_between_pages_stops_the_reading()
    {
        await using var db = _fixture.CreateContext();
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () =>
            {
                await foreach (var _ in db.GameScores.FromPartiQL($"SELECT * FROM {db.GameScores} WHERE UserId = {"bulk"}").AsAsyncEnumerable()
                                   .WithCancellation(cancellation.Token))
                {
                    await cancellation.CancelAsync();
                }
            });
        Assert.Single(Statements);
    }

    [Fact]
    public async Task Refusals_name_what_to_do_and_send_nothing()
    {
        await using var db = _fixture.CreateContext();

        Assert.Contains(
            "inside quotes",
            Assert.Throws<InvalidOperationException>(() => db.GameScores.FromPartiQL($"SELECT * FROM {db.GameScores} WHERE UserId = '{"101"}'")).Message,
            StringComparison.Ordinal);
        Assert.Contains(
            "ExecutePartiQL",
            Assert.Throws<InvalidOperationException>(() => db.GameScores.FromPartiQL($"DELETE FROM {db.GameScores} WHERE UserId = {"101"}")).Message,
            StringComparison.Ordinal);
        Assert.Contains(
            "ORDER BY in the statement",
            (await Assert.ThrowsAsync<InvalidOperationException>(
                () => db.GameScores.FromPartiQL($"SELECT * FROM {db.GameScores} WHERE UserId = {"101"}").OrderBy(s => s.Title).ToListAsync())).Message,
            StringComparison.Ordinal);
        var notComposable = await Assert.ThrowsAsync<InvalidOperationException>(
            () => db.GameScores.FromPartiQL($"SELECT * FROM {db.GameScores} WHERE UserId = {"101"} ORDER BY Title DESC").Where(s => s.Wins > 1).ToListAsync());
        Assert.Contains(".Where(g => g.Wins > 1)", notComposable.Message, StringComparison.Ordinal);
        Assert.Contains("plain PartiQL SELECT", notComposable.Message, StringComparison.Ordinal);
        Assert.Contains(
            "WithIndex",
            (await Assert.ThrowsAsync<InvalidOperationException>(
                () => db.GameScores.FromPartiQL($"SELECT * FROM {db.GameScores} WHERE UserId = {"101"}").WithIndex("ByWins").ToListAsync())).Message,
            StringComparison.Ordinal);
        Assert.Contains(
            "ExecuteUpdate and ExecuteDelete",
            (await Assert.ThrowsAsync<InvalidOperationException>(
                () => db.GameScores.FromPartiQL($"SELECT * FROM {db.GameScores} WHERE UserId = {"101"}").ExecuteDeleteAsync())).Message,
            StringComparison.Ordinal);
        Assert.Empty(_fixture.Store.Recorder.Requests);
    }

    [Fact]
    public async Task A_statement_that_orders_is_sent_as_written()
    {
        await using var db = _fixture.CreateContext();

        var titles = await db.GameScores.FromPartiQL($"SELECT * FROM {db.GameScores} WHERE UserId = {"101"} ORDER BY Title DESC")
            .Select(s => s.Title)
            .ToListAsync();

        Assert.Equal(["Starship X", "Meteor Blasters", "Galaxy Invaders"], titles);
    }

    public class Fixture : GameFixture
    {
        protected override async Task SeedAsync(GameContext context)
        {
            await base.SeedAsync(context);
            context.GameScores.AddRange(Tricky.Select(t => new GameScore { UserId = "tricky", Title = t }));
            var padding = new string('x', 4_000);
            context.GameScores.AddRange(
                Enumerable.Range(0, BulkCount).Select(i => new GameScore { UserId = "bulk", Title = $"bulk-{i:D3}", Wins = i, Comment = padding }));
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
            await context.SaveChangesAsync();
        }
    }
}

using Amazon.DynamoDBv2;
using Amazon.Runtime;
using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
///     EF Core's thread-safety checks: an operation started on a context while one of its reads is in flight throws EF's
///     message, and the code between the results of a query, which holds no read in flight, may use the context.
/// </summary>
public class ConcurrencyDetectionTests : IClassFixture<GameFixture>
{
    private const string SecondOperation = "A second operation was started on this context instance before a previous operation completed";

    private readonly GameFixture _fixture;

    public ConcurrencyDetectionTests(GameFixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private RequestRecorder Recorder => _fixture.Store.Recorder;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_query_started_while_another_reads_throws_EFs_message(bool tracked)
    {
        var answer = new TaskCompletionSource();
        await using var db = CreateContext(answer.Task);
        var scores = tracked ? db.GameScores : db.GameScores.AsNoTracking();

        var first = scores.Where(s => s.UserId == HeldUser).ToListAsync();
        var second = await Assert.ThrowsAsync<InvalidOperationException>(() => scores.Where(s => s.UserId == "103").ToListAsync());
        answer.SetResult();

        Assert.StartsWith(SecondOperation, second.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await first).Count);
        Assert.Equal(["Query"], Recorder.Operations);
    }

    [Fact]
    public async Task A_query_started_while_a_single_result_reads_its_item_throws_EFs_message()
    {
        var answer = new TaskCompletionSource();
        await using var db = CreateContext(answer.Task);

        var first = db.GameScores.FirstOrDefaultAsync(s => s.UserId == HeldUser && s.Title == "Starship X");
        InvalidOperationException second;
        try
        {
            second = await Assert.ThrowsAsync<InvalidOperationException>(() => db.GameScores.Where(s => s.UserId == "103").ToListAsync());
        }
        finally
        {
            answer.SetResult();
        }

        Assert.StartsWith(SecondOperation, second.Message, StringComparison.Ordinal);
        Assert.Equal(24, (await first)!.TopScore);
        Assert.Equal(["GetItem"], Recorder.Operations);
    }

    [Fact]
    public async Task A_find_started_while_a_query_reads_throws_EFs_message()
    {
        var answer = new TaskCompletionSource();
        await using var db = CreateContext(answer.Task);

        var first = db.GameScores.AsNoTracking().Where(s => s.UserId == HeldUser).ToListAsync();
        var second = await Assert.ThrowsAsync<InvalidOperationException>(async () => await db.GameScores.FindAsync("103", "Comet Quest"));
        answer.SetResult();

        Assert.StartsWith(SecondOperation, second.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await first).Count);
        Assert.Equal(["Query"], Recorder.Operations);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Between_the_results_of_a_query_the_context_may_run_another(bool tracked)
    {
        await using var db = _fixture.CreateContext();
        var scores = tracked ? db.GameScores : db.GameScores.AsNoTracking();

        // Two items a page: the results come from the first page, then from the second, read after the loop body ran.
        var found = new List<int>();
        await foreach (var score in scores.Where(s => s.UserId == "101").WithPageSize(2).AsAsyncEnumerable())
        {
            found.Add(score.TopScore + (await db.GameScores.AsNoTracking().SingleAsync(s => s.UserId == "103" && s.Title == "Comet Quest")).TopScore);
        }

        Assert.Equal([5842 + 9500, 1000 + 9500, 24 + 9500], found);
        Assert.Equal(["Query", "GetItem", "GetItem", "Query", "GetItem"], Recorder.Operations);
    }

    [Fact]
    public void Between_the_results_of_a_synchronous_query_the_context_may_run_another()
    {
        using var db = _fixture.CreateContext();

        var found = new List<int>();
        foreach (var score in db.GameScores.Where(s => s.UserId == "101").WithPageSize(2))
        {
            found.Add(score.TopScore + db.GameScores.Find("103", "Comet Quest")!.TopScore);
        }

        Assert.Equal([5842 + 9500, 1000 + 9500, 24 + 9500], found);
        Assert.Equal(["Query", "GetItem", "Query"], Recorder.Operations);
    }

    [Fact]
    public async Task Without_thread_safety_checks_nothing_is_detected()
    {
        var answer = new TaskCompletionSource();
        await using var db = CreateContext(answer.Task, threadSafetyChecks: false);

        var first = db.GameScores.AsNoTracking().Where(s => s.UserId == HeldUser).ToListAsync();
        var second = await db.GameScores.AsNoTracking().Where(s => s.UserId == "103").ToListAsync();
        answer.SetResult();

        Assert.Equal(3, (await first).Count);
        Assert.Equal(3, second.Count);
        Assert.Equal(["Query", "Query"], Recorder.Operations);
    }

    // The items of a page after its first are shaped in a section that writes no AsyncLocal: the context is held all
    // the same. An operation of another flow (one that does not continue this one) throws EF's message.
    [Fact]
    public async Task An_operation_another_flow_starts_while_a_tracked_item_is_shaped_throws_EFs_message()
    {
        Exception? concurrent = null;
        await using var db = CreateContext(Task.CompletedTask, onSecondItem: context =>
        {
            Task<List<GameScore>> other;
            using (ExecutionContext.SuppressFlow())
            {
                other = Task.Run(() => context.Set<GameScore>().AsNoTracking().Where(s => s.UserId == "103").ToListAsync());
            }

            concurrent = Record.Exception(() => other.GetAwaiter().GetResult());
        });

        var scores = await db.GameScores.Where(s => s.UserId == "102").ToListAsync();

        Assert.StartsWith(SecondOperation, Assert.IsType<InvalidOperationException>(concurrent).Message, StringComparison.Ordinal);
        Assert.Equal(2, scores.Count);
        Assert.Equal(["Query"], Recorder.Operations);
    }

    // What the shaping itself runs, on its own thread, may use the context (as EF Core lets an operation's own flow).
    [Fact]
    public async Task An_operation_the_shaping_of_a_tracked_item_runs_may_use_the_context()
    {
        List<GameScore>? nested = null;
        await using var db = CreateContext(Task.CompletedTask, onSecondItem: context =>
            nested = context.Set<GameScore>().AsNoTracking().Where(s => s.UserId == "103").ToList());

        var scores = await db.GameScores.Where(s => s.UserId == "102").ToListAsync();

        Assert.Equal((2, 3), (scores.Count, nested!.Count));
        Assert.Equal(["Query", "Query"], Recorder.Operations);
    }

    // A failure inside the section leaves it: another flow may then use the context.
    [Fact]
    public async Task A_failure_while_a_tracked_item_is_shaped_leaves_the_context_free()
    {
        await using var db = CreateContext(Task.CompletedTask, onSecondItem: _ => throw new InvalidTimeZoneException("Refused by the test"));

        await Assert.ThrowsAsync<InvalidTimeZoneException>(() => db.GameScores.Where(s => s.UserId == "102").ToListAsync());
        Task<List<GameScore>> after;
        using (ExecutionContext.SuppressFlow())
        {
            after = Task.Run(() => db.GameScores.AsNoTracking().Where(s => s.UserId == "103").ToListAsync());
        }

        Assert.Equal(3, (await after).Count);
        Assert.Equal(["Query", "Query"], Recorder.Operations);
    }

    // The answer to a Query or GetItem of HeldUser's partition is held until the test lets it through: that read is in
    // flight while the test starts another operation.
    private const string HeldUser = "101";

    private GameContext CreateContext(Task answerReleased, bool threadSafetyChecks = true, Action<DbContext>? onSecondItem = null)
    {
        var client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("test", "test"),
            new AmazonDynamoDBConfig
            {
                ServiceURL = DynamoDbTestServer.ServiceUrl,
                AuthenticationRegion = "us-east-1",
                HttpClientFactory = new FaultInjectingHttpClientFactory(async (operation, body, _) =>
                {
                    if (operation is "Query" or "GetItem" && body.ToJsonString().Contains($"\"{HeldUser}\"", StringComparison.Ordinal))
                    {
                        await answerReleased;
                    }

                    return null;
                })
            });
        return new GameContext(
            new DbContextOptionsBuilder<GameContext>()
                .AllowManyServiceProviders()
                .UseApplicationServiceProvider(new ServiceCollection().AddSingleton<IAmazonDynamoDB>(client).BuildServiceProvider())
                .UseDynamoDb(d => d.TableNamePrefix(_fixture.Store.TablePrefix))
                .LogTo((_, _) => true, _fixture.Store.Recorder.Record)
                .EnableThreadSafetyChecks(threadSafetyChecks)
                .AddInterceptors(new SecondItemInterceptor(onSecondItem))
                .Options);
    }

    // Runs an action as the second entity a context materializes is initialized: inside the shaping of that item.
    private sealed class SecondItemInterceptor(Action<DbContext>? onSecondItem) : IMaterializationInterceptor
    {
        private int _materialized;

        public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
        {
            if (++_materialized == 2)
            {
                onSecondItem?.Invoke(materializationData.Context);
            }

            return entity;
        }
    }
}

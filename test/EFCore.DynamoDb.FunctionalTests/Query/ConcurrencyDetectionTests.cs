using Amazon.DynamoDBv2;
using Amazon.Runtime;
using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
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

    // The answer to a Query or GetItem of HeldUser's partition is held until the test lets it through: that read is in
    // flight while the test starts another operation.
    private const string HeldUser = "101";

    private GameContext CreateContext(Task answerReleased, bool threadSafetyChecks = true)
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
                .Options);
    }
}

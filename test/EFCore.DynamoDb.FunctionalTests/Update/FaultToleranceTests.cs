using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EFCore.DynamoDb.FunctionalTests.Update;

/// <summary>Nothing is ever silently dropped: unprocessed batch items and throttling are retried until every item is written.</summary>
public class FaultToleranceTests : IClassFixture<FaultToleranceTests.Fixture>
{
    private readonly Fixture _fixture;

    public FaultToleranceTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    [Fact]
    public async Task Unprocessed_items_and_throttled_batches_are_sent_again_until_every_item_is_written()
    {
        var faults = 4;
        using var services = CreateServices(async (operation, body, send) =>
        {
            if (operation != "BatchWriteItem" || Interlocked.Decrement(ref faults) < 0)
            {
                return null;
            }

            if (faults == 2)
            {
                return FaultInjectingHttpClientFactory.Throttled();
            }

            // DynamoDB writes half of the batch and hands the other half back as unprocessed.
            var unprocessed = new JsonObject();
            foreach (var (table, requests) in body["RequestItems"]!.AsObject().ToList())
            {
                var items = requests!.AsArray();
                var kept = new JsonArray(items.Take(items.Count / 2).Select(i => i!.DeepClone()).ToArray());
                unprocessed[table] = new JsonArray(items.Skip(items.Count / 2).Select(i => i!.DeepClone()).ToArray());
                body["RequestItems"]![table] = kept;
            }

            var response = await send(body);
            response["UnprocessedItems"] = unprocessed;
            return FaultInjectingHttpClientFactory.Json(response);
        },
        o => o.ConflictMode(ConflictMode.Overwrite));

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GameContext>();
            db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
            db.GameScores.AddRange(Enumerable.Range(0, 60).Select(i => new GameScore { UserId = "batch", Title = $"g{i:D2}" }));
            await db.SaveChangesAsync();
        }

        await using var check = _fixture.CreateContext();
        Assert.Equal(60, await check.GameScores.CountAsync(s => s.UserId == "batch"));
        Assert.True(
            _fixture.Store.Recorder.Operations.Count(o => o == "BatchWriteItem") > 3,
            string.Join(", ", _fixture.Store.Recorder.Requests.Select(r => r.Operation + ":" + r.EventId.Name)));
        Assert.Contains(
            _fixture.Store.Recorder.Log,
            l => l.Id == Microsoft.EntityFrameworkCore.Diagnostics.DynamoDbEventId.UnprocessedItems && l.Message.Contains("GameScores", StringComparison.Ordinal));
        Assert.Contains(
            _fixture.Store.Recorder.Log,
            l => l.Id == Microsoft.EntityFrameworkCore.Diagnostics.DynamoDbEventId.BatchRetrying && l.Message.Contains("BatchWriteItem", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_execution_strategy_retries_a_throttled_save()
    {
        var faults = 2;
        using var services = CreateServices((operation, _, _) =>
            Task.FromResult(operation == "PutItem" && Interlocked.Decrement(ref faults) >= 0 ? FaultInjectingHttpClientFactory.Throttled() : null));

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GameContext>();
            db.GameScores.Add(new GameScore { UserId = "retry", Title = "Game", Wins = 3 });
            await db.SaveChangesAsync();
        }

        await using var check = _fixture.CreateContext();
        Assert.Equal(3, (await check.GameScores.FindAsync("retry", "Game"))!.Wins);
    }

    [Fact]
    public async Task Without_retries_a_throttled_save_fails_and_names_the_entity()
    {
        using var services = CreateServices(
            (operation, _, _) => Task.FromResult(operation == "PutItem" ? FaultInjectingHttpClientFactory.Throttled() : null),
            o => o.ExecutionStrategy(d => new Microsoft.EntityFrameworkCore.Storage.NonRetryingExecutionStrategy(d)));

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GameContext>();
        db.GameScores.Add(new GameScore { UserId = "noretry", Title = "Game" });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync());
        Assert.Contains(Chain(error), e => e is Amazon.DynamoDBv2.Model.ProvisionedThroughputExceededException);
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? current = exception; current != null; current = current.InnerException)
        {
            yield return current;
        }
    }

    private ServiceProvider CreateServices(
        FaultInjectingHttpClientFactory.Fault fault,
        Action<Microsoft.EntityFrameworkCore.Infrastructure.DynamoDbContextOptionsBuilder>? configure = null)
    {
        // The SDK's own retries are off, so that each injected fault reaches the provider.
        var client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("test", "test"),
            new AmazonDynamoDBConfig
            {
                ServiceURL = DynamoDbTestServer.ServiceUrl,
                AuthenticationRegion = "us-east-1",
                MaxErrorRetry = 0,
                HttpClientFactory = new FaultInjectingHttpClientFactory(fault)
            });
        return new ServiceCollection()
            .AddSingleton<IAmazonDynamoDB>(client)
            .AddDbContext<GameContext>(o => o
                .UseDynamoDb(d =>
                {
                    d.TableNamePrefix(_fixture.Store.TablePrefix);
                    configure?.Invoke(d);
                })
                .LogTo((_, _) => true, _fixture.Store.Recorder.Record))
            .BuildServiceProvider();
    }

    public class Fixture() : DynamoDbFixture<GameContext>("faults", options => new GameContext(options));
}

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
    public async Task Unprocessed_keys_of_a_BatchGetItem_are_asked_for_again_until_every_item_is_read()
    {
        await using (var seed = _fixture.CreateContext())
        {
            seed.GameScores.AddRange(Enumerable.Range(0, 6).Select(i => new GameScore { UserId = "batch-read", Title = $"r{i}" }));
            await seed.SaveChangesAsync();
        }

        _fixture.Store.Recorder.Clear();
        var faults = 1;
        using var services = CreateServices(async (operation, body, send) =>
        {
            if (operation != "BatchGetItem" || Interlocked.Decrement(ref faults) < 0)
            {
                return null;
            }

            // DynamoDB reads half of the keys and hands the other half back as unprocessed.
            var unprocessed = new JsonObject();
            foreach (var (table, request) in body["RequestItems"]!.AsObject().ToList())
            {
                var keys = request!["Keys"]!.AsArray();
                var left = request.DeepClone();
                left["Keys"] = new JsonArray(keys.Skip(keys.Count / 2).Select(k => k!.DeepClone()).ToArray());
                unprocessed[table] = left;
                request["Keys"] = new JsonArray(keys.Take(keys.Count / 2).Select(k => k!.DeepClone()).ToArray());
            }

            var response = await send(body);
            response["UnprocessedKeys"] = unprocessed;
            return FaultInjectingHttpClientFactory.Json(response);
        });

        var titles = Enumerable.Range(0, 6).Select(i => $"r{i}").ToList();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GameContext>();
            var read = await db.GameScores.Where(s => s.UserId == "batch-read" && titles.Contains(s.Title)).Select(s => s.Title).ToListAsync();
            Assert.Equal(titles, read.Order());
        }

        Assert.Equal(["BatchGetItem", "BatchGetItem"], _fixture.Store.Recorder.Operations);
        Assert.Contains(
            _fixture.Store.Recorder.Log,
            l => l.Id == Microsoft.EntityFrameworkCore.Diagnostics.DynamoDbEventId.UnprocessedItems && l.Message.Contains("GameScores", StringComparison.Ordinal));
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

    [Fact]
    public async Task A_failed_read_back_after_a_committed_transaction_is_not_retried_and_applies_the_increment_once()
    {
        await using (var seed = _fixture.CreateContext())
        {
            seed.GameScores.Add(new GameScore { UserId = "readback", Title = "Counted", Wins = 1 });
            await seed.SaveChangesAsync();
        }

        var committed = 0;
        using var services = CreateServices((operation, _, _) =>
        {
            if (operation == "TransactWriteItems")
            {
                Interlocked.Exchange(ref committed, 1);
            }

            return Task.FromResult(operation == "GetItem" && Volatile.Read(ref committed) == 1 ? FaultInjectingHttpClientFactory.Throttled() : null);
        });

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GameContext>();
            var score = (await db.GameScores.FindAsync("readback", "Counted"))!;
            db.Entry(score).Property(s => s.Wins).Increment(1);
            db.GameScores.Add(new GameScore { UserId = "readback", Title = "Added" });

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("were written", error.Message, StringComparison.Ordinal);
            Assert.Contains("'GameScore'", error.Message, StringComparison.Ordinal);
        }

        await using var check = _fixture.CreateContext();
        Assert.Equal(2, (await check.GameScores.FindAsync("readback", "Counted"))!.Wins);
        Assert.NotNull(await check.GameScores.FindAsync("readback", "Added"));
        Assert.Equal(1, _fixture.Store.Recorder.Operations.Count(o => o == "TransactWriteItems"));
    }

    [Fact]
    public async Task A_refused_transaction_is_an_update_exception_naming_the_entity()
    {
        using var services = CreateServices((operation, _, _) => Task.FromResult(
            operation == "TransactWriteItems"
                ? FaultInjectingHttpClientFactory.Error("ResourceNotFoundException", "Requested resource not found")
                : null));

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GameContext>();
        db.GameScores.AddRange(new GameScore { UserId = "refused", Title = "A" }, new GameScore { UserId = "refused", Title = "B" });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Contains("'GameScore'", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<Amazon.DynamoDBv2.AmazonDynamoDBException>(error.InnerException);
        Assert.Equal(2, error.Entries.Count);
    }

    [Fact]
    public async Task ExecuteUpdate_that_fails_midway_says_how_many_items_stay_written()
    {
        await using (var seed = _fixture.CreateContext())
        {
            seed.GameScores.AddRange(Enumerable.Range(0, 3).Select(i => new GameScore { UserId = "bulk", Title = $"g{i}", Wins = 1 }));
            await seed.SaveChangesAsync();
        }

        var updates = 0;
        using var services = CreateServices((operation, _, _) => Task.FromResult(
            operation == "UpdateItem" && Interlocked.Increment(ref updates) == 2
                ? FaultInjectingHttpClientFactory.Error("ValidationException", "Injected refusal")
                : null));

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GameContext>();
            var error = await Assert.ThrowsAsync<DbUpdateException>(
                () => db.GameScores.Where(s => s.UserId == "bulk").ExecuteUpdateAsync(u => u.SetProperty(s => s.Wins, s => s.Wins + 1)));
            Assert.Contains("ExecuteUpdate on 'GameScore'", error.Message, StringComparison.Ordinal);
            Assert.Contains("after 1 items were written", error.Message, StringComparison.Ordinal);
        }

        await using var check = _fixture.CreateContext();
        Assert.Equal([1, 1, 2], (await check.GameScores.Where(s => s.UserId == "bulk").ToListAsync()).Select(s => s.Wins).Order());
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
                .AllowManyServiceProviders()
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

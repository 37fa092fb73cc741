using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Update;

/// <summary>
///     Saves past one transaction follow EF Core's <c>AutoTransactionBehavior</c>: split into consecutive transactions
///     by default, refused under <c>Always</c>, batched under <c>Never</c>; what was written before a failure or a
///     cancellation is accepted, so saving again writes only what is left.
/// </summary>
public class SplitSaveTests : IClassFixture<SplitSaveTests.Fixture>
{
    private readonly Fixture _fixture;

    public SplitSaveTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    [Fact]
    public async Task Two_hundred_fifty_inserts_are_three_transactions_logged_once()
    {
        await using (var db = _fixture.CreateContext())
        {
            db.GameScores.AddRange(Scores("split", 250));
            Assert.Equal(250, await db.SaveChangesAsync());
        }

        Assert.Equal(["TransactWriteItems", "TransactWriteItems", "TransactWriteItems"], _fixture.Store.Recorder.Operations);
        var warning = Assert.Single(_fixture.Store.Recorder.Log, l => l.Id == DynamoDbEventId.SaveSplitWarning);
        Assert.Contains("250 items", warning.Message, StringComparison.Ordinal);
        Assert.Contains("3 consecutive transactions", warning.Message, StringComparison.Ordinal);
        await using var check = _fixture.CreateContext();
        Assert.Equal(250, await check.GameScores.CountAsync(s => s.UserId == "split"));
    }

    [Fact]
    public async Task When_the_third_transaction_fails_the_first_two_are_accepted_and_saving_again_writes_the_rest()
    {
        await using var proxy = new FaultInjectingProxy(r => r is { Operation: "TransactWriteItems", Number: 3 } ? ProxyFault.Refuse : ProxyFault.None);
        await using var db = CreateContext(proxy);
        var scores = Scores("split-fail", 250);
        db.GameScores.AddRange(scores);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Contains("wrote 200 of its 250 entries", error.Message, StringComparison.Ordinal);
        Assert.Contains("other 50 entries were not written", error.Message, StringComparison.Ordinal);
        Assert.Contains("'GameScore' (50)", error.Message, StringComparison.Ordinal);
        Assert.Equal(50, error.Entries.Count);
        Assert.All(scores.Take(200), s => Assert.Equal(EntityState.Unchanged, db.Entry(s).State));
        Assert.All(scores.Skip(200), s => Assert.Equal(EntityState.Added, db.Entry(s).State));
        Assert.Equal(scores.Skip(200), error.Entries.Select(e => e.Entity));
        await using (var check = _fixture.CreateContext())
        {
            Assert.Equal(200, await check.GameScores.CountAsync(s => s.UserId == "split-fail"));
        }

        Assert.Equal(50, await db.SaveChangesAsync());

        Assert.Equal(4, proxy.Received("TransactWriteItems"));
        Assert.Equal(3, proxy.Forwarded("TransactWriteItems"));
        await using var final = _fixture.CreateContext();
        Assert.Equal(250, await final.GameScores.CountAsync(s => s.UserId == "split-fail"));
    }

    [Fact]
    public async Task A_lost_answer_to_the_second_transaction_is_retried_with_its_token_and_the_save_completes_once()
    {
        await using var proxy = new FaultInjectingProxy(
            r => r is { Operation: "TransactWriteItems", Number: 2 } ? ProxyFault.LoseWith500 : ProxyFault.None);
        await using (var db = CreateContext(proxy))
        {
            db.GameScores.AddRange(Scores("split-lost", 250));
            Assert.Equal(250, await db.SaveChangesAsync());
        }

        Assert.Equal(4, proxy.Forwarded("TransactWriteItems"));
        await using var check = _fixture.CreateContext();
        Assert.Equal(250, await check.GameScores.CountAsync(s => s.UserId == "split-lost"));
    }

    [Fact]
    public async Task Always_refuses_a_save_one_transaction_cannot_hold_before_anything_is_sent()
    {
        await using var db = _fixture.CreateContext();
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        db.GameScores.AddRange(Scores("always", 250));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains("250 items", error.Message, StringComparison.Ordinal);
        Assert.Contains("AutoTransactionBehavior.Always", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fixture.Store.Recorder.Requests);
    }

    [Fact]
    public async Task A_cancelled_save_without_a_transaction_saved_again_writes_every_item_once()
    {
        using var cancellation = new CancellationTokenSource();

        // The 60th insert reaches DynamoDB, which applies it, but the save is cancelled while it waits for the answer.
        await using var proxy = new FaultInjectingProxy(r =>
        {
            if (r is { Operation: "PutItem", Number: 60 })
            {
                cancellation.Cancel();
            }

            return ProxyFault.None;
        });
        await using var db = CreateContext(proxy);
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        var scores = Scores("cancelled", 500);
        db.GameScores.AddRange(scores);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.SaveChangesAsync(cancellation.Token));

        Assert.Equal(59, scores.Count(s => db.Entry(s).State == EntityState.Unchanged));
        while (proxy.Forwarded("PutItem") < 60)
        {
            await Task.Delay(10);
        }

        Assert.Equal(441, await db.SaveChangesAsync());

        // The unanswered insert was sent again, found its own item and took it as written.
        Assert.Equal(501, proxy.Forwarded("PutItem"));
        Assert.All(scores, s => Assert.Equal(EntityState.Unchanged, db.Entry(s).State));
        await using var check = _fixture.CreateContext();
        Assert.Equal(500, await check.GameScores.CountAsync(s => s.UserId == "cancelled"));
    }

    private static List<GameScore> Scores(string user, int count)
        => Enumerable.Range(0, count).Select(i => new GameScore { UserId = user, Title = $"g{i:D3}", Wins = i }).ToList();

    private GameContext CreateContext(FaultInjectingProxy proxy)
        => new(new DbContextOptionsBuilder<GameContext>().AllowManyServiceProviders()
            .UseDynamoDb(d => d.TableNamePrefix(_fixture.Store.TablePrefix))
            .UseApplicationServiceProvider(proxy.CreateClientServices(sdkRetries: true))
            .LogTo((_, _) => true, _fixture.Store.Recorder.Record)
            .Options);

    public class Fixture() : DynamoDbFixture<GameContext>("split", options => new GameContext(options));
}

using System.Transactions;
using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Storage;

/// <summary>
///     DynamoDB has no open-ended transactions. Transaction calls and an ambient <see cref="TransactionScope" /> are
///     refused with a message saying so, unless <see cref="DynamoDbEventId.TransactionIgnoredWarning" /> is ignored or
///     logged; then code that opens a transaction around <c>SaveChanges</c> runs, each save atomic on its own.
/// </summary>
public class TransactionTests : IClassFixture<TransactionTests.Fixture>
{
    private readonly Fixture _fixture;

    public TransactionTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    [Fact]
    public async Task BeginTransaction_is_refused_by_default_with_a_message_about_DynamoDB()
    {
        await using var db = _fixture.CreateContext();

        var error = Assert.Throws<InvalidOperationException>(() => db.Database.BeginTransaction());
        var asyncError = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Database.BeginTransactionAsync());

        Assert.Contains("DynamoDB has no open-ended transactions, so BeginTransaction is ignored", error.Message, StringComparison.Ordinal);
        Assert.Contains("DynamoDbEventId.TransactionIgnoredWarning", error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, asyncError.Message);
        Assert.Throws<InvalidOperationException>(() => db.Database.CommitTransaction());
        Assert.Throws<InvalidOperationException>(() => db.Database.RollbackTransaction());
    }

    [Fact]
    public async Task With_the_warning_logged_a_transaction_around_SaveChanges_runs_and_each_call_is_logged()
    {
        await using (var db = CreateContext(w => w.Log(DynamoDbEventId.TransactionIgnoredWarning)))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.GameScores.AddRange(new GameScore { UserId = "tx", Title = "A" }, new GameScore { UserId = "tx", Title = "B" });
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            Assert.Null(db.Database.CurrentTransaction);
        }

        Assert.Equal(["TransactWriteItems"], _fixture.Store.Recorder.Operations);
        Assert.Equal(
            ["BeginTransaction", "Commit"],
            _fixture.Store.Recorder.Log
                .Where(l => l.Id == DynamoDbEventId.TransactionIgnoredWarning)
                .Select(l => l.Message.Contains("so BeginTransaction", StringComparison.Ordinal) ? "BeginTransaction" : "Commit"));
        await using var check = _fixture.CreateContext();
        Assert.Equal(2, await check.GameScores.CountAsync(s => s.UserId == "tx"));
    }

    [Fact]
    public async Task With_the_warning_ignored_a_rollback_does_nothing_and_the_save_stays_written()
    {
        // ConfigureWarnings before UseDynamoDb keeps the application's choice.
        var options = new DbContextOptionsBuilder<GameContext>().AllowManyServiceProviders()
            .ConfigureWarnings(w => w.Ignore(DynamoDbEventId.TransactionIgnoredWarning))
            .UseDynamoDb(o => o.ServiceUrl(DynamoDbTestServer.ServiceUrl).Credentials("test", "test").TableNamePrefix(_fixture.Store.TablePrefix))
            .Options;
        await using (var db = new GameContext(options))
        {
            using var transaction = db.Database.BeginTransaction();
            db.GameScores.Add(new GameScore { UserId = "rollback", Title = "Kept", Wins = 4 });
            db.SaveChanges();
            transaction.Rollback();
        }

        await using var check = _fixture.CreateContext();
        Assert.Equal(4, (await check.GameScores.FindAsync("rollback", "Kept"))!.Wins);
    }

    [Fact]
    public async Task An_ambient_TransactionScope_is_refused_with_a_message_about_DynamoDB_and_nothing_is_sent()
    {
        await using var db = _fixture.CreateContext();
        db.GameScores.Add(new GameScore { UserId = "scope", Title = "Refused" });

        InvalidOperationException error;
        using (new TransactionScope(TransactionScopeAsyncFlowOption.Enabled))
        {
            error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        Assert.Contains("so TransactionScope is ignored", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("CreateExecutionStrategy", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fixture.Store.Recorder.Requests);
    }

    [Fact]
    public async Task With_the_warning_ignored_a_save_in_a_TransactionScope_is_written_even_if_the_scope_is_not_completed()
    {
        await using (var db = CreateContext(w => w.Ignore(DynamoDbEventId.TransactionIgnoredWarning)))
        {
            using var scope = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled);
            db.GameScores.Add(new GameScore { UserId = "scope", Title = "Written" });
            await db.SaveChangesAsync();
        }

        Assert.Equal(["PutItem"], _fixture.Store.Recorder.Operations);
        await using var check = _fixture.CreateContext();
        Assert.NotNull(await check.GameScores.FindAsync("scope", "Written"));
    }

    [Fact]
    public async Task EnlistTransaction_is_refused_by_default()
    {
        await using var db = _fixture.CreateContext();
        using var transaction = new CommittableTransaction();

        var error = Assert.Throws<InvalidOperationException>(() => db.Database.EnlistTransaction(transaction));

        Assert.Contains("so EnlistTransaction is ignored", error.Message, StringComparison.Ordinal);
        Assert.Null(db.Database.GetEnlistedTransaction());
    }

    // ConfigureWarnings after UseDynamoDb overrides the provider's default.
    private GameContext CreateContext(Action<WarningsConfigurationBuilder> warnings)
        => new(new DbContextOptionsBuilder<GameContext>(_fixture.Store.CreateOptions<GameContext>()).ConfigureWarnings(warnings).Options);

    public class Fixture() : DynamoDbFixture<GameContext>("transactions", options => new GameContext(options));
}

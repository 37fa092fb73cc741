using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Storage;

/// <summary>Every request is logged with its operation, table, expressions and consumed capacity; values only on request.</summary>
public class DiagnosticsTests : IClassFixture<GameFixture>
{
    private readonly GameFixture _fixture;

    public DiagnosticsTests(GameFixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    [Fact]
    public async Task Requests_are_logged_with_capacity_and_placeholders_but_no_values()
    {
        await using var db = _fixture.CreateContext();
        var user = "101";

        await db.GameScores.Where(s => s.UserId == user && s.Wins > 7).ToListAsync();
        await db.GameScores.FindAsync("102", "Alien Adventure");

        var requests = _fixture.Store.Recorder.Requests;
        Assert.Equal(["Query", "GetItem"], requests.Select(r => r.Operation));
        Assert.All(requests, r =>
        {
            Assert.Equal(DynamoDbEventId.RequestExecuted, r.EventId);
            Assert.Equal(_fixture.Store.TablePrefix + "GameScores", r.TableName);
            Assert.NotNull(r.ConsumedCapacity);
            Assert.True(r.ConsumedCapacity > 0);
            Assert.Null(r.Parameters);
            Assert.DoesNotContain("101", r.Expressions, StringComparison.Ordinal);
            Assert.DoesNotContain("Alien", r.ToString(), StringComparison.Ordinal);
        });
        Assert.Contains("#n0 = :v0", requests[0].Expressions, StringComparison.Ordinal);
        Assert.Contains("Executed DynamoDB Query on '", requests[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_are_logged_only_with_sensitive_data_logging()
    {
        await using var db = _fixture.CreateContext(sensitiveDataLogging: true);

        await db.GameScores.Where(s => s.UserId == "103" && s.Wins > 7).ToListAsync();

        var request = Assert.Single(_fixture.Store.Recorder.Requests);
        Assert.Contains(":v0=S:\"103\"", request.Parameters, StringComparison.Ordinal);
        Assert.Contains(":v1=N:7", request.Parameters, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_are_logged_with_their_consumed_capacity()
    {
        await using var db = _fixture.CreateContext();
        db.GameScores.Add(new GameScore { UserId = "diag", Title = "Logged" });
        await db.SaveChangesAsync();
        db.GameScores.Remove(db.GameScores.Local.Single());
        await db.SaveChangesAsync();

        var writes = _fixture.Store.Recorder.Requests;
        Assert.Equal(["PutItem", "DeleteItem"], writes.Select(r => r.Operation));
        Assert.All(writes, w => Assert.True(w.ConsumedCapacity > 0));
    }

    [Fact]
    public async Task A_failed_request_is_logged_as_failed()
    {
        await using var db = _fixture.CreateContext();
        db.GameScores.Add(new GameScore { UserId = "101", Title = "Galaxy Invaders" });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        var failed = Assert.Single(_fixture.Store.Recorder.Requests);
        Assert.Equal(DynamoDbEventId.RequestFailed, failed.EventId);
        Assert.IsType<Amazon.DynamoDBv2.Model.ConditionalCheckFailedException>(failed.Exception);
    }
}

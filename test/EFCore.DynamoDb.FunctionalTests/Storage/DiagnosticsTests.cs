using System.Text.RegularExpressions;
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
    public async Task The_consumed_capacity_of_reads_and_writes_is_summed_per_context_until_reset()
    {
        await using var db = _fixture.CreateContext();
        var capacity = db.Database.GetConsumedCapacity();

        await db.GameScores.Where(s => s.UserId == "101").ToListAsync();
        Assert.Equal((1, 0), (capacity.TotalRequests, capacity.WriteCapacityUnits));
        Assert.True(capacity.ReadCapacityUnits > 0);

        db.GameScores.Add(new GameScore { UserId = "diag", Title = "Capacity" });
        await db.SaveChangesAsync();
        db.GameScores.Remove(db.GameScores.Local.Single(s => s.Title == "Capacity"));
        await db.SaveChangesAsync();

        var requests = _fixture.Store.Recorder.Requests;
        Assert.Equal(3, capacity.TotalRequests);
        Assert.Equal(requests.Sum(r => r.ConsumedCapacity ?? 0), capacity.ReadCapacityUnits + capacity.WriteCapacityUnits, 6);
        Assert.True(capacity.WriteCapacityUnits > 0);

        capacity.Reset();
        Assert.Equal((0, 0, 0), (capacity.TotalRequests, capacity.ReadCapacityUnits, capacity.WriteCapacityUnits));
        await using var other = _fixture.CreateContext();
        Assert.Equal(0, other.Database.GetConsumedCapacity().TotalRequests);
    }

    [Fact]
    public async Task LogTo_writes_a_line_for_a_find_a_query_a_scan_warning_and_a_transactional_save()
    {
        var lines = new List<string>();
        var options = new DbContextOptionsBuilder<GameContext>(_fixture.Store.CreateOptions<GameContext>()).AllowManyServiceProviders()
            .LogTo(
                lines.Add,
                [DynamoDbEventId.RequestExecuted, DynamoDbEventId.ScanWarning],
                options: DbContextLoggerOptions.Level | DbContextLoggerOptions.SingleLine)
            .Options;
        await using var db = new GameContext(options);
        var table = Regex.Escape("'" + _fixture.Store.TablePrefix + "GameScores'");
        const string Timing = @"\(\d+(\.\d+)? ms, \d+(\.\d+)? capacity units\)";

        await db.GameScores.FindAsync("102", "Alien Adventure");
        await db.GameScores.Where(s => s.UserId == "101").ToListAsync();
        await db.GameScores.Where(s => s.Wins > 30).ToListAsync();
        db.GameScores.AddRange(new GameScore { UserId = "diag-tx", Title = "A" }, new GameScore { UserId = "diag-tx", Title = "B" });
        await db.SaveChangesAsync();

        Assert.Collection(
            lines,
            l => Assert.Matches($"^info: -> Executed DynamoDB GetItem on {table} {Timing}", l),
            l => Assert.Matches($"^info: -> Executed DynamoDB Query on {table} {Timing} KeyCondition: #n0 = :v0", l),
            l => Assert.Matches($"^warn: -> The query for 'GameScore' fixes no partition key, so it scans the whole table {table}", l),
            l => Assert.Matches($"^info: -> Executed DynamoDB Scan on {table} {Timing} Filter: #n0 > :v0", l),
            l => Assert.Matches($"^info: -> Executed DynamoDB TransactWriteItems on .*{table}.* {Timing}", l));
        Assert.All(lines, l => Assert.DoesNotContain("Alien", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_table_is_an_answer_to_DescribeTable_and_DeleteTable_not_a_failure()
    {
        var options = _fixture.Store.CreateOptions<GameContext>(o => o.TableNamePrefix(_fixture.Store.TablePrefix + "fresh-"));
        await using var db = new GameContext(options);

        Assert.True(await db.Database.EnsureCreatedAsync());
        Assert.True(await db.Database.EnsureDeletedAsync());
        Assert.False(await db.Database.EnsureDeletedAsync());

        var requests = _fixture.Store.Recorder.Requests;
        Assert.Contains(requests, r => r.Operation == "DescribeTable");
        Assert.All(requests, r => Assert.Equal(DynamoDbEventId.RequestExecuted, r.EventId));
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

using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>OrderBy on the sort key, Last, Reverse, Skip and the DynamoDB read operators.</summary>
public class OrderingAndPagingOperatorTests : IClassFixture<GameFixture>
{
    private readonly GameFixture _fixture;

    public OrderingAndPagingOperatorTests(GameFixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private RequestRecorder Recorder => _fixture.Store.Recorder;

    [Fact]
    public async Task OrderByDescending_on_the_sort_key_reads_backwards()
    {
        await using var db = _fixture.CreateContext();

        var titles = await db.GameScores.Where(s => s.UserId == "101").OrderByDescending(s => s.Title).Select(s => s.Title).ToListAsync();

        Assert.Equal(["Starship X", "Meteor Blasters", "Galaxy Invaders"], titles);
        Assert.Contains("ScanIndexForward: false", Assert.Single(Recorder.Requests).Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrderBy_on_the_sort_key_and_on_the_fixed_partition_key_is_the_natural_order()
    {
        await using var db = _fixture.CreateContext();

        var titles = db.GameScores.Where(s => s.UserId == "101").OrderBy(s => s.UserId).ThenBy(s => s.Title).Select(s => s.Title).ToList();

        Assert.Equal(["Galaxy Invaders", "Meteor Blasters", "Starship X"], titles);
        Assert.DoesNotContain("ScanIndexForward", Assert.Single(Recorder.Requests).Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ordering_by_another_property_fails_clearly_before_any_request()
    {
        await using var db = _fixture.CreateContext();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => db.GameScores.Where(s => s.UserId == "101").OrderBy(s => s.TopScore).ToListAsync());

        Assert.Contains("orders 'GameScore' by 'TopScore'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Title'", error.Message, StringComparison.Ordinal);
        Assert.Empty(Recorder.Requests);
    }

    [Fact]
    public async Task Ordering_a_scan_fails_clearly()
    {
        await using var db = _fixture.CreateContext();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.GameScores.OrderBy(s => s.Title).ToListAsync());

        Assert.Contains("partition key ('UserId')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Last_reads_one_item_from_the_other_end()
    {
        await using var db = _fixture.CreateContext();

        var last = await db.GameScores.Where(s => s.UserId == "103").OrderBy(s => s.Title).LastAsync();
        var lastOfDescending = await db.GameScores.Where(s => s.UserId == "103").OrderByDescending(s => s.Title).LastOrDefaultAsync();

        Assert.Equal("Galaxy Invaders", last.Title);
        Assert.Equal("Attack Ships", lastOfDescending!.Title);
        Assert.All(Recorder.Requests, r => Assert.Contains("Limit: 1", r.Expressions, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Last_without_an_ordering_is_not_translatable()
    {
        await using var db = _fixture.CreateContext();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.GameScores.Where(s => s.UserId == "103").LastAsync());

        Assert.Contains("OrderBy on the sort key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reverse_flips_the_order()
    {
        await using var db = _fixture.CreateContext();

        var titles = await db.GameScores.Where(s => s.UserId == "102").OrderBy(s => s.Title).Reverse().Select(s => s.Title).ToListAsync();

        Assert.Equal(["Galaxy Invaders", "Alien Adventure"], titles);
    }

    [Fact]
    public async Task Skip_discards_items_and_warns()
    {
        await using var db = _fixture.CreateContext();
        var skip = 1;

        var titles = await db.GameScores.Where(s => s.UserId == "101").Skip(skip).Take(1).Select(s => s.Title).ToListAsync();

        Assert.Equal(["Meteor Blasters"], titles);
        Assert.Contains("Limit: 2", Assert.Single(Recorder.Requests).Expressions, StringComparison.Ordinal);
        Assert.Contains(Recorder.Log, l => l.Id == Microsoft.EntityFrameworkCore.Diagnostics.DynamoDbEventId.SkipWarning);
    }

    [Fact]
    public async Task WithConsistentRead_sets_ConsistentRead_on_every_kind_of_read()
    {
        await using var db = _fixture.CreateContext();

        await db.GameScores.WithConsistentRead().Where(s => s.UserId == "101" && s.Title == "Starship X").ToListAsync();
        await db.GameScores.WithConsistentRead().Where(s => s.UserId == "101").ToListAsync();
        await db.GameScores.WithConsistentRead().Where(s => s.Wins > 1000).ToListAsync();

        Assert.Equal(["GetItem", "Query", "Scan"], Recorder.Operations);
        Assert.All(Recorder.Requests, r => Assert.Contains("ConsistentRead: true", r.Expressions, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithPageSize_sets_the_Limit_of_each_request_and_pages()
    {
        await using var db = _fixture.CreateContext();

        var scores = await db.GameScores.Where(s => s.UserId == "103").WithPageSize(2).ToListAsync();

        Assert.Equal(3, scores.Count);
        Assert.Equal(2, Recorder.Requests.Count);
        Assert.All(Recorder.Requests, r => Assert.Contains("Limit: 2", r.Expressions, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithScanLimit_bounds_the_items_read_while_Take_bounds_the_items_returned()
    {
        await using var db = _fixture.CreateContext();

        // Flywheel's limit vs scan_limit: reading 2 items of user 103, only one of which matches.
        var scanLimited = await db.GameScores.Where(s => s.UserId == "103" && s.Wins > 30).WithScanLimit(2).ToListAsync();
        var taken = await db.GameScores.Where(s => s.UserId == "103" && s.Wins > 30).Take(2).ToListAsync();

        Assert.Equal(["Comet Quest"], scanLimited.Select(s => s.Title));
        Assert.Equal(["Comet Quest", "Galaxy Invaders"], taken.Select(s => s.Title));
        Assert.Contains("Limit: 2", Recorder.Requests[0].Expressions, StringComparison.Ordinal);
        Assert.DoesNotContain("Limit", Recorder.Requests[1].Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public void Operators_refuse_a_zero_count()
    {
        using var db = _fixture.CreateContext();

        Assert.Throws<ArgumentOutOfRangeException>(() => db.GameScores.WithPageSize(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => db.GameScores.WithScanLimit(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => db.GameScores.WithParallelScan(0));
    }

    [Fact]
    public async Task WithParallelScan_reads_every_segment()
    {
        await using var db = _fixture.CreateContext();

        var scores = await db.GameScores.WithParallelScan(3).ToListAsync();

        Assert.Equal(8, scores.Count);
        Assert.Equal(3, Recorder.Requests.Count(r => r.Operation == "Scan"));
        Assert.DoesNotContain(Recorder.Log, l => l.Id == Microsoft.EntityFrameworkCore.Diagnostics.DynamoDbEventId.ScanWarning);
    }

    [Fact]
    public async Task ScanBehavior_Throw_refuses_a_scan_unless_the_query_allows_it()
    {
        var options = _fixture.Store.CreateOptions<GameContext>(o => o.ScanBehavior(ScanBehavior.Throw));
        await using var db = new GameContext(options);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.GameScores.Where(s => s.Wins > 10).ToListAsync());
        var allowed = await db.GameScores.Where(s => s.Wins > 10).AllowScan().CountAsync();
        var keyed = await db.GameScores.CountAsync(s => s.UserId == "101");

        Assert.Contains("partition key 'UserId'", error.Message, StringComparison.Ordinal);
        Assert.Contains("AllowScan()", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, allowed);
        Assert.Equal(3, keyed);
    }

    [Fact]
    public async Task ScanBehavior_Allow_scans_without_a_warning()
    {
        var options = _fixture.Store.CreateOptions<GameContext>(o => o.ScanBehavior(ScanBehavior.Allow));
        await using var db = new GameContext(options);

        Assert.Equal(8, await db.GameScores.CountAsync());
        Assert.DoesNotContain(Recorder.Log, l => l.Id == Microsoft.EntityFrameworkCore.Diagnostics.DynamoDbEventId.ScanWarning);
    }
}

using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Storage;

/// <summary>
///     A request asks for its consumed capacity only when something uses it: TrackConsumedCapacity(), or a logger of its
///     execution; GetConsumedCapacity() says when its sums leave requests out.
/// </summary>
public class ConsumedCapacityTrackingTests : IClassFixture<GameFixture>
{
    private readonly GameFixture _fixture;

    public ConsumedCapacityTrackingTests(GameFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Without_the_option_or_a_logger_no_capacity_is_asked_for_and_the_sums_say_they_are_incomplete()
    {
        await using var db = CreateUnloggedContext(track: false);

        await db.GameScores.FindAsync("101", "Meteor Blasters");

        var capacity = db.Database.GetConsumedCapacity();
        Assert.Equal((1, 0.0, false), (capacity.TotalRequests, capacity.ReadCapacityUnits, capacity.IsComplete));
        capacity.Reset();
        Assert.True(capacity.IsComplete);
    }

    [Fact]
    public async Task TrackConsumedCapacity_sums_every_request_without_a_logger()
    {
        await using var db = CreateUnloggedContext(track: true);

        await db.GameScores.FindAsync("101", "Meteor Blasters");
        await db.GameScores.Where(s => s.UserId == "102").ToListAsync();

        var capacity = db.Database.GetConsumedCapacity();
        Assert.Equal((2, true), (capacity.TotalRequests, capacity.IsComplete));
        Assert.True(capacity.ReadCapacityUnits > 0);
    }

    [Fact]
    public async Task A_logger_of_the_requests_makes_each_ask_for_its_capacity()
    {
        await using var db = _fixture.CreateContext();

        await db.GameScores.FindAsync("101", "Meteor Blasters");

        var capacity = db.Database.GetConsumedCapacity();
        Assert.True(capacity.IsComplete);
        Assert.True(capacity.ReadCapacityUnits > 0);
    }

    // DynamoDB's default is NONE: a request that would ask for NONE leaves the field out, as hand-written SDK code does.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Each_request_carries_ReturnConsumedCapacity_only_when_the_capacity_is_tracked(bool track)
    {
        var bodies = new System.Collections.Concurrent.ConcurrentQueue<ProxyRequest>();
        await using var proxy = new FaultInjectingProxy(r =>
        {
            bodies.Enqueue(r);
            return ProxyFault.None;
        });
        await using (var db = CreateUnloggedContext(track, proxy.ServiceUrl))
        {
            await db.GameScores.FindAsync("101", "Meteor Blasters");
            await db.GameScores.Where(s => s.UserId == "102").ToListAsync();
            var score = new GameScore { UserId = "capacity-" + track, Title = "Asked for" };
            db.GameScores.Add(score);
            await db.SaveChangesAsync();
            db.GameScores.Remove(score);
            await db.SaveChangesAsync();
        }

        Assert.Equal(["GetItem", "Query", "PutItem", "DeleteItem"], bodies.Select(r => r.Operation));
        Assert.All(bodies, r => Assert.Equal(track, r.Body.Contains("\"ReturnConsumedCapacity\":\"TOTAL\"", StringComparison.Ordinal)));
        Assert.All(bodies, r => Assert.Equal(track, r.Body.Contains("ReturnConsumedCapacity", StringComparison.Ordinal)));
    }

    private GameContext CreateUnloggedContext(bool track, string? serviceUrl = null)
        => new(
            new DbContextOptionsBuilder<GameContext>().AllowManyServiceProviders()
                .UseDynamoDb(o => o.ServiceUrl(serviceUrl ?? DynamoDbTestServer.ServiceUrl).Credentials("test", "test")
                    .TableNamePrefix(_fixture.Store.TablePrefix).TrackConsumedCapacity(track))
                .Options);
}

using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Storage;

/// <summary>HasTimeToLive: EnsureCreated enables it, and the attribute holds whole epoch seconds, as DynamoDB requires.</summary>
public sealed class TimeToLiveTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly DynamoDbTestStore _store;
    private readonly TweetContext _context;

    public TimeToLiveTests()
    {
        _store = new DynamoDbTestStore("ttl");
        _context = new TweetContext(_store.CreateOptions<TweetContext>(), t => t.HasTimeToLive(x => x.ExpiresAt));
    }

    public Task InitializeAsync() => _context.Database.EnsureCreatedAsync();

    [Fact]
    public async Task EnsureCreated_enables_time_to_live_on_the_attribute()
    {
        var description = (await _context.Database.GetDynamoClient().DescribeTimeToLiveAsync(_store.TablePrefix + "Tweets")).TimeToLiveDescription;

        Assert.Equal(("ExpiresAt", TimeToLiveStatus.ENABLED), (description.AttributeName, description.TimeToLiveStatus));
    }

    [Fact]
    public async Task The_time_to_live_is_stored_as_integer_epoch_seconds()
    {
        var expiresAt = new DateTime(2031, 5, 6, 7, 8, 9, DateTimeKind.Utc).AddTicks(1_234_567);
        _context.Tweets.Add(new Tweet { UserId = "u1", Id = "t1", ExpiresAt = expiresAt });
        _context.Tweets.Add(new Tweet { UserId = "u1", Id = "t2" });
        await _context.SaveChangesAsync();

        var item = (await _context.Database.GetDynamoClient().GetItemAsync(
            _store.TablePrefix + "Tweets",
            new Dictionary<string, AttributeValue> { ["UserId"] = new() { S = "u1" }, ["Id"] = new() { S = "t1" } })).Item;
        Assert.Equal(new DateTimeOffset(expiresAt).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), item["ExpiresAt"].N);

        _context.ChangeTracker.Clear();
        var tweets = await _context.Tweets.Where(t => t.UserId == "u1").ToListAsync();
        Assert.Equal(expiresAt.AddTicks(-1_234_567), tweets.Single(t => t.Id == "t1").ExpiresAt);
        Assert.Null(tweets.Single(t => t.Id == "t2").ExpiresAt);
    }

    public Task DisposeAsync() => _context.Database.EnsureDeletedAsync();

    async ValueTask IAsyncDisposable.DisposeAsync() => await _context.DisposeAsync();
}

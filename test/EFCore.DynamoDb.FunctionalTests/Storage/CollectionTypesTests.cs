using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Storage;

/// <summary>
///     Sets (SS/NS/BS), lists (L) and dictionaries (M): stored natively, tracked for changes made inside them
///     (Flywheel's set_updates, dict_updates and list_updates), and an empty set stored as an absent attribute.
/// </summary>
public class CollectionTypesTests : IClassFixture<CollectionTypesTests.Fixture>
{
    private readonly Fixture _fixture;

    public CollectionTypesTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private RequestRecorder Recorder => _fixture.Store.Recorder;

    [Fact]
    public async Task Every_collection_round_trips_with_its_native_attribute_type()
    {
        var expected = Tweet.Full(NewId());
        await using (var db = _fixture.CreateContext())
        {
            db.Tweets.Add(expected);
            await db.SaveChangesAsync();
        }

        var item = await _fixture.GetRawItemAsync(expected.Id);
        Assert.Equal(["awscloud", "dynamo"], item["Tags"].SS.Order());
        Assert.Equal(["-1.5", "0.1", "12345678901234567890"], item["Prices"].NS.Order());
        Assert.Equal([[1, 2], [3]], item["Blobs"].BS.Select(b => b.ToArray()).OrderBy(b => b.Length).Reverse());
        Assert.Equal(["1442337871"], item["Dates"].NS);
        Assert.Equal(["a", null, "c"], item["Names"].L.Select(e => e.NULL == true ? null : e.S));
        Assert.Equal(["3", "1", "2"], item["Numbers"].L.Select(e => e.N));
        Assert.Equal(["1", "2"], item["Colors"].L.Select(e => e.N));
        Assert.Equal("2", item["Counts"].M["b"].N);
        Assert.True(item["Labels"].M["none"].NULL);
        Assert.True(item["Flags"].L[1].BOOL);

        await using (var db = _fixture.CreateContext())
        {
            Tweet.AssertEqual(expected, await db.Tweets.SingleAsync(t => t.Id == expected.Id));
        }

        await using (var db = _fixture.CreateContext())
        {
            Tweet.AssertEqual(expected, (await db.Tweets.FindAsync(expected.Id))!);
            Tweet.AssertEqual(expected, await db.Tweets.AsNoTracking().SingleAsync(t => t.Id == expected.Id));
        }
    }

    [Fact]
    public async Task Empty_collections_read_back_empty_and_an_empty_set_is_not_stored() // empty_set_save
    {
        var id = NewId();
        await using (var db = _fixture.CreateContext())
        {
            db.Tweets.Add(new Tweet { Id = id });
            await db.SaveChangesAsync();
        }

        var item = await _fixture.GetRawItemAsync(id);
        Assert.False(item.ContainsKey("Tags"));
        Assert.False(item.ContainsKey("Blobs"));
        Assert.False(item.ContainsKey("MaybeTags"));
        Assert.Empty(item["Names"].L);
        Assert.Empty(item["Counts"].M);

        await using (var db = _fixture.CreateContext())
        {
            var tweet = await db.Tweets.SingleAsync(t => t.Id == id);
            Assert.Empty(tweet.Tags);
            Assert.Empty(tweet.Prices);
            Assert.Empty(tweet.Names);
            Assert.Empty(tweet.Counts);
            Assert.Null(tweet.MaybeTags);
            Assert.DoesNotContain(db.ChangeTracker.Entries(), e => e.State != EntityState.Unchanged);
        }
    }

    [Fact]
    public async Task Adding_to_a_tracked_set_writes_the_whole_set() // set_updates
    {
        var id = await AddAsync(new Tweet { Tags = ["a"] });
        await using (var db = _fixture.CreateContext())
        {
            var tweet = await db.Tweets.SingleAsync(t => t.Id == id);
            tweet.Tags.Add("b");
            Recorder.Clear();
            await db.SaveChangesAsync();

            var update = Assert.Single(Recorder.Requests);
            Assert.Equal("UpdateItem", update.Operation);
            Assert.Contains("SET #n0 = :v0", update.Expressions, StringComparison.Ordinal);
            Assert.Contains("#n0=Tags", update.Expressions, StringComparison.Ordinal);
            Assert.DoesNotContain("#n1", update.Expressions, StringComparison.Ordinal);
        }

        Assert.Equal(["a", "b"], (await _fixture.GetRawItemAsync(id))["Tags"].SS.Order());
    }

    [Fact]
    public async Task A_set_changed_after_a_reload_is_written() // set_updates_fetch
    {
        var id = await AddAsync(new Tweet { Tags = ["a"] });
        await using (var db = _fixture.CreateContext())
        {
            var tweet = (await db.Tweets.FindAsync(id))!;
            tweet.Tags.Remove("a");
            tweet.Tags.Add("z");
            await db.SaveChangesAsync();
        }

        await using (var db = _fixture.CreateContext())
        {
            Assert.Equal(["z"], (await db.Tweets.FindAsync(id))!.Tags);
        }
    }

    [Fact]
    public async Task A_replaced_set_is_written() // set_updates_replace
    {
        var id = await AddAsync(new Tweet { Tags = ["a"], Prices = new HashSet<decimal> { 1m } });
        await using (var db = _fixture.CreateContext())
        {
            var tweet = await db.Tweets.SingleAsync(t => t.Id == id);
            tweet.Tags = ["x", "y"];
            tweet.Prices = new HashSet<decimal> { 2.5m };
            await db.SaveChangesAsync();
        }

        var item = await _fixture.GetRawItemAsync(id);
        Assert.Equal(["x", "y"], item["Tags"].SS.Order());
        Assert.Equal(["2.5"], item["Prices"].NS);
    }

    [Fact]
    public async Task Emptying_a_set_removes_its_attribute() // empty_set_sync
    {
        var id = await AddAsync(new Tweet { Tags = ["a"], MaybeTags = ["m"] });
        await using (var db = _fixture.CreateContext())
        {
            var tweet = await db.Tweets.SingleAsync(t => t.Id == id);
            tweet.Tags.Clear();
            tweet.MaybeTags = null;
            Recorder.Clear();
            await db.SaveChangesAsync();
            Assert.Contains("REMOVE #n0, #n1", Assert.Single(Recorder.Requests).Expressions, StringComparison.Ordinal);
        }

        var item = await _fixture.GetRawItemAsync(id);
        Assert.False(item.ContainsKey("Tags"));
        Assert.False(item.ContainsKey("MaybeTags"));

        await using (var db = _fixture.CreateContext())
        {
            var tweet = await db.Tweets.SingleAsync(t => t.Id == id);
            Assert.Empty(tweet.Tags);
            Assert.Null(tweet.MaybeTags);
        }
    }

    [Fact]
    public void Changing_a_tracked_dictionary_writes_the_whole_map_sync() // dict_updates
    {
        var id = NewId();
        using (var db = _fixture.CreateContext())
        {
            db.Tweets.Add(new Tweet { Id = id, Counts = new() { ["a"] = 1 } });
            db.SaveChanges();
        }

        using (var db = _fixture.CreateContext())
        {
            var tweet = db.Tweets.Single(t => t.Id == id);
            tweet.Counts["a"] = 5;
            tweet.Counts["b"] = 6;
            tweet.Labels["x"] = "y";
            Assert.Equal(EntityState.Modified, db.Entry(tweet).State);
            db.SaveChanges();
        }

        using (var db = _fixture.CreateContext())
        {
            var tweet = db.Tweets.Single(t => t.Id == id);
            Assert.Equal(new Dictionary<string, int> { ["a"] = 5, ["b"] = 6 }, tweet.Counts);
            Assert.Equal("y", tweet.Labels["x"]);
        }
    }

    [Fact]
    public async Task Changing_a_tracked_list_writes_the_whole_list() // list_updates
    {
        var id = await AddAsync(new Tweet { Names = ["a"], Numbers = [1, 2] });
        await using (var db = _fixture.CreateContext())
        {
            var tweet = await db.Tweets.SingleAsync(t => t.Id == id);
            tweet.Names.Add(null);
            tweet.Names.Add("c");
            tweet.Numbers[0] = 9;
            await db.SaveChangesAsync();
        }

        await using (var db = _fixture.CreateContext())
        {
            var tweet = await db.Tweets.SingleAsync(t => t.Id == id);
            Assert.Equal(["a", null, "c"], tweet.Names);
            Assert.Equal([9, 2], tweet.Numbers);
        }
    }

    [Fact]
    public async Task An_unchanged_collection_is_not_written()
    {
        var id = await AddAsync(new Tweet { Tags = ["a"], Names = ["n"], Counts = new() { ["k"] = 1 } });
        await using var db = _fixture.CreateContext();
        var tweet = await db.Tweets.SingleAsync(t => t.Id == id);
        tweet.Tags = ["a"];
        tweet.Names = ["n"];

        db.ChangeTracker.DetectChanges();

        Assert.Equal(EntityState.Unchanged, db.Entry(tweet).State);
    }

    [Fact]
    public async Task A_null_set_element_is_refused_before_any_request()
    {
        await using var db = _fixture.CreateContext();
        db.Tweets.Add(new Tweet { Id = NewId(), MaybeTags = [null!] });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains("Tweet.MaybeTags", error.Message, StringComparison.Ordinal);
        Assert.Empty(Recorder.Requests);
    }

    private static string NewId() => $"tweet-{Guid.NewGuid():N}";

    private async Task<string> AddAsync(Tweet tweet)
    {
        tweet.Id = NewId();
        await using var db = _fixture.CreateContext();
        db.Tweets.Add(tweet);
        await db.SaveChangesAsync();
        return tweet.Id;
    }

    public class Tweet
    {
        public string Id { get; set; } = null!;
        public HashSet<string> Tags { get; set; } = [];
        public ISet<decimal> Prices { get; set; } = new HashSet<decimal>();
        public HashSet<byte[]> Blobs { get; set; } = [];
        public HashSet<DateTime> Dates { get; set; } = [];
        public HashSet<string>? MaybeTags { get; set; }
        public List<string?> Names { get; set; } = [];
        public int[] Numbers { get; set; } = [];
        public IReadOnlyList<Color> Colors { get; set; } = [];
        public IList<bool> Flags { get; set; } = [];
        public Dictionary<string, int> Counts { get; set; } = [];
        public IDictionary<string, string?> Labels { get; set; } = new Dictionary<string, string?>();

        public static Tweet Full(string id)
            => new()
            {
                Id = id,
                Tags = ["dynamo", "awscloud"],
                Prices = new HashSet<decimal> { 0.1m, -1.5m, 12345678901234567890m },
                Blobs = [[1, 2], [3]],
                Dates = [new DateTime(2015, 9, 15, 17, 24, 31, DateTimeKind.Utc)],
                MaybeTags = ["maybe"],
                Names = ["a", null, "c"],
                Numbers = [3, 1, 2],
                Colors = [Color.Green, Color.Blue],
                Flags = [false, true],
                Counts = new() { ["a"] = 1, ["b"] = 2 },
                Labels = new Dictionary<string, string?> { ["none"] = null, ["some"] = "text" }
            };

        public static void AssertEqual(Tweet expected, Tweet actual)
        {
            Assert.Equal(expected.Tags.Order(), actual.Tags.Order());
            Assert.Equal(expected.Prices.Order(), actual.Prices.Order());
            Assert.Equal(expected.Blobs.OrderBy(b => b.Length), actual.Blobs.OrderBy(b => b.Length));
            Assert.Equal(expected.Dates, actual.Dates);
            Assert.Equal(expected.MaybeTags, actual.MaybeTags);
            Assert.Equal(expected.Names, actual.Names);
            Assert.Equal(expected.Numbers, actual.Numbers);
            Assert.Equal(expected.Colors, actual.Colors);
            Assert.Equal(expected.Flags, actual.Flags);
            Assert.Equal(expected.Counts, actual.Counts);
            Assert.Equal(expected.Labels, actual.Labels);
        }
    }

    public class Fixture() : DynamoDbFixture<TweetContext>("collections", options => new TweetContext(options))
    {
        public Task<Dictionary<string, AttributeValue>> GetRawItemAsync(string id)
            => GetRawItemAsync("Tweets", new Dictionary<string, AttributeValue> { ["Id"] = new() { S = id } });
    }

    public class TweetContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Tweet> Tweets => Set<Tweet>();
    }
}

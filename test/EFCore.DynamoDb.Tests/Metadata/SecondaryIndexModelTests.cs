using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Tests.Metadata;

/// <summary>Secondary indexes, throughput and time to live in the model, and what validation refuses about them.</summary>
public class SecondaryIndexModelTests
{
    [Fact]
    public void Index_builders_annotate_EF_indexes_that_survive_into_the_runtime_model()
    {
        using var context = new TestContext(b => b.Entity<Tweet>(e =>
        {
            e.HasPartitionKey(t => t.UserId).HasSortKey(t => t.Id).HasProvisionedThroughput(10, 2);
            e.HasLocalSecondaryIndex("ts-index", t => t.Ts);
            e.HasLocalSecondaryIndex("rt-index", t => t.Retweets).ProjectsKeysOnly();
            e.HasGlobalSecondaryIndex("like-index", t => t.City, t => t.Likes).ProjectsInclude(t => t.Text).HasProvisionedThroughput(6, 3);
            e.HasGlobalSecondaryIndex("city-index", nameof(Tweet.City));
        }));
        var tweet = context.Model.FindEntityType(typeof(Tweet))!;

        Assert.Equal(["rt-index", "ts-index"], tweet.GetLocalSecondaryIndexes().Select(i => i.Name).Order());
        Assert.Equal(["city-index", "like-index"], tweet.GetGlobalSecondaryIndexes().Select(i => i.Name).Order());
        Assert.Equal(new DynamoThroughput(10, 2), tweet.GetProvisionedThroughput());

        var rt = tweet.GetLocalSecondaryIndexes().Single(i => i.Name == "rt-index");
        Assert.Equal(DynamoIndexKind.Local, rt.GetDynamoIndexKind());
        Assert.Equal(DynamoProjectionType.KeysOnly, rt.GetProjectionType());
        Assert.Equal("UserId", rt.GetPartitionKeyProperty().Name);
        Assert.Equal("Retweets", rt.GetSortKeyProperty()!.Name);

        var like = tweet.GetGlobalSecondaryIndexes().Single(i => i.Name == "like-index");
        Assert.Equal(DynamoProjectionType.Include, like.GetProjectionType());
        Assert.Equal(["Text"], like.GetIncludedPropertyNames());
        Assert.Equal(new DynamoThroughput(6, 3), like.GetProvisionedThroughput());
        Assert.Equal("City", like.GetPartitionKeyProperty().Name);
        Assert.Equal("Likes", like.GetSortKeyProperty()!.Name);

        var city = tweet.GetGlobalSecondaryIndexes().Single(i => i.Name == "city-index");
        Assert.Equal(DynamoProjectionType.All, city.GetProjectionType());
        Assert.Null(city.GetSortKeyProperty());
        Assert.Null(city.GetProvisionedThroughput());
    }

    [Fact]
    public void The_table_schema_gives_global_indexes_the_table_throughput_unless_they_have_their_own()
    {
        using var context = new TestContext(b => b.Entity<Tweet>(e =>
        {
            e.HasPartitionKey(t => t.UserId).HasSortKey(t => t.Id).HasProvisionedThroughput(10, 2);
            e.HasGlobalSecondaryIndex("like-index", t => t.City, t => t.Likes).ProjectsInclude("Text").HasProvisionedThroughput(6, 3);
            e.HasGlobalSecondaryIndex("city-index", t => t.City).ProjectsKeysOnly();
            e.HasLocalSecondaryIndex("ts-index", t => t.Ts);
        }));
        var request = new DynamoTableSchema("Tweets", context.Model.FindEntityType(typeof(Tweet))!).ToCreateTableRequest();

        Assert.Equal("PROVISIONED", request.BillingMode.Value);
        Assert.Equal(10, request.ProvisionedThroughput.ReadCapacityUnits);
        Assert.Equal(
            [("City", "S"), ("Id", "S"), ("Likes", "N"), ("Ts", "N"), ("UserId", "S")],
            request.AttributeDefinitions.Select(d => (d.AttributeName, d.AttributeType.Value)).Order());
        var like = request.GlobalSecondaryIndexes.Single(i => i.IndexName == "like-index");
        Assert.Equal((6L, 3L), (like.ProvisionedThroughput.ReadCapacityUnits!.Value, like.ProvisionedThroughput.WriteCapacityUnits!.Value));
        Assert.Equal(["txt"], like.Projection.NonKeyAttributes);
        var city = request.GlobalSecondaryIndexes.Single(i => i.IndexName == "city-index");
        Assert.Equal((10L, 2L), (city.ProvisionedThroughput.ReadCapacityUnits!.Value, city.ProvisionedThroughput.WriteCapacityUnits!.Value));
        Assert.Equal("KEYS_ONLY", city.Projection.ProjectionType.Value);
        Assert.Equal([("UserId", "HASH"), ("Ts", "RANGE")], Assert.Single(request.LocalSecondaryIndexes).KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)));
    }

    [Fact]
    public void Time_to_live_dates_are_stored_as_whole_epoch_seconds()
    {
        using var context = new TestContext(b => b.Entity<Tweet>(e =>
        {
            e.HasPartitionKey(t => t.UserId).HasSortKey(t => t.Id);
            e.HasTimeToLive(t => t.ExpiresAt);
        }));
        var tweet = context.Model.FindEntityType(typeof(Tweet))!;
        var property = tweet.GetTimeToLiveProperty()!;

        var value = DynamoPropertyValueConverter.ToAttributeValue(property, new DateTime(2030, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc));

        Assert.Equal("ExpiresAt", property.Name);
        Assert.Equal("1893553445", value!.N);
        Assert.Equal(new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc), ((DynamoTypeMapping)property.GetTypeMapping()).FromAttributeValue(value));
    }

    [Fact]
    public void Builders_refuse_names_that_map_no_property()
    {
        using var context = new TestContext(b => b.Entity<Tweet>(e =>
        {
            e.HasPartitionKey(t => t.UserId).HasSortKey(t => t.Id);
            var error = Assert.Throws<ArgumentException>(() => e.HasGlobalSecondaryIndex("city-index", "Town"));
            Assert.Contains("'city-index' of the entity type 'Tweet' refers to 'Town'", error.Message, StringComparison.Ordinal);

            error = Assert.Throws<ArgumentException>(() => e.HasGlobalSecondaryIndex("city-index", t => t.City).ProjectsInclude("Nope"));
            Assert.Contains("'Nope'", error.Message, StringComparison.Ordinal);

            error = Assert.Throws<ArgumentException>(() => e.HasTimeToLive("Expiry"));
            Assert.Contains("'Expiry'", error.Message, StringComparison.Ordinal);

            error = Assert.Throws<ArgumentException>(() => e.HasTimeToLive(t => t.Text));
            Assert.Contains("'Tweet.Text'", error.Message, StringComparison.Ordinal);

            Assert.Throws<ArgumentOutOfRangeException>(() => e.HasProvisionedThroughput(0, 5));

            var local = Assert.Throws<InvalidOperationException>(() => e.HasLocalSecondaryIndex("ts-index", t => t.Ts).HasProvisionedThroughput(5, 5));
            Assert.Contains("'ts-index'", local.Message, StringComparison.Ordinal);
        }));

        _ = context.Model;
    }

    [Fact]
    public void A_local_index_on_a_table_without_sort_key_is_refused()
    {
        var error = BuildModel(b => b.Entity<Tweet>(e =>
        {
            e.HasPartitionKey(t => t.UserId);
            e.HasLocalSecondaryIndex("ts-index", t => t.Ts);
        }));

        Assert.Contains("'Tweet' has the local secondary index 'ts-index', but its table has no sort key", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(Tweet.Id))]
    [InlineData(nameof(Tweet.UserId))]
    public void A_local_index_on_the_table_key_is_refused(string propertyName)
    {
        var error = BuildModel(b => b.Entity<Tweet>(e =>
        {
            e.HasPartitionKey(t => t.UserId).HasSortKey(t => t.Id);
            e.HasLocalSecondaryIndex("key-index", propertyName);
        }));

        Assert.Contains($"'key-index' of the entity type 'Tweet' has the table's key property '{propertyName}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_index_key_that_is_not_a_string_number_or_binary_is_refused()
    {
        var error = BuildModel(b => b.Entity<Tweet>(e =>
        {
            e.HasPartitionKey(t => t.UserId).HasSortKey(t => t.Id);
            e.HasGlobalSecondaryIndex("flag-index", t => t.Flag);
        }));

        Assert.Contains("'Tweet.Flag' of the index 'flag-index'", error.Message, StringComparison.Ordinal);
        Assert.Contains("string, number or binary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_five_local_indexes_are_refused()
    {
        var error = BuildModel(b => b.Entity<Tweet>(e =>
        {
            e.HasPartitionKey(t => t.UserId).HasSortKey(t => t.Id);
            foreach (var (name, property) in new[] { ("i1", "Ts"), ("i2", "Retweets"), ("i3", "Likes"), ("i4", "City"), ("i5", "Text"), ("i6", "ExpiresAt") })
            {
                e.HasLocalSecondaryIndex(name + "-index", property);
            }
        }));

        Assert.Contains("'Tweets' of the entity type 'Tweet' has 6 local secondary indexes; DynamoDB allows at most 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_twenty_global_indexes_are_refused()
    {
        var error = BuildModel(b => b.Entity<Tweet>(e =>
        {
            e.HasPartitionKey(t => t.UserId).HasSortKey(t => t.Id);
            for (var i = 0; i < 21; i++)
            {
                e.HasGlobalSecondaryIndex($"gsi-{i}", t => t.City, i % 2 == 0 ? t => t.Likes : t => t.Ts);
            }
        }));

        Assert.Contains("has 21 global secondary indexes; DynamoDB allows at most 20", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("has space")]
    public void An_invalid_index_name_is_refused(string name)
    {
        var error = BuildModel(b => b.Entity<Tweet>(e =>
        {
            e.HasPartitionKey(t => t.UserId).HasSortKey(t => t.Id);
            e.HasGlobalSecondaryIndex(name, t => t.City);
        }));

        Assert.Contains($"The index name '{name}' of the entity type 'Tweet' is not valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_index_name_for_different_indexes_of_a_table_is_refused()
    {
        var error = BuildModel(b =>
        {
            b.Entity<Tweet>(e => e.HasPartitionKey(t => t.UserId).HasSortKey(t => t.Id).ToDynamoTable("Posts"));
            b.Entity<Photo>(e =>
            {
                e.HasPartitionKey(p => p.UserId).HasSortKey(p => p.Id).ToDynamoTable("Posts");
                e.HasGlobalSecondaryIndex("by-city", p => p.City);
            });
            b.Entity<Tweet>().HasGlobalSecondaryIndex("by-city", t => t.Text);
        });

        Assert.Contains("share the name 'by-city' in table 'Posts'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Tweet'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Photo'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_included_property_that_is_later_ignored_is_refused()
    {
        var error = BuildModel(b => b.Entity<Tweet>(e =>
        {
            e.HasPartitionKey(t => t.UserId).HasSortKey(t => t.Id);
            e.HasGlobalSecondaryIndex("city-index", t => t.City).ProjectsInclude(t => t.Text);
            e.Ignore(t => t.Text);
        }));

        Assert.Contains("'city-index' of the entity type 'Tweet' refers to 'Text', which is not a mapped property", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_throughput_on_an_on_demand_table_is_refused()
    {
        var error = BuildModel(b => b.Entity<Tweet>(e =>
        {
            e.HasPartitionKey(t => t.UserId).HasSortKey(t => t.Id);
            e.HasGlobalSecondaryIndex("city-index", t => t.City).HasProvisionedThroughput(5, 5);
        }));

        Assert.Contains("'city-index' of the entity type 'Tweet' has provisioned throughput, but its table is billed per request", error.Message, StringComparison.Ordinal);
    }

    private static InvalidOperationException BuildModel(Action<ModelBuilder> configure)
    {
        using var context = new TestContext(configure);
        return Assert.Throws<InvalidOperationException>(() => context.Model);
    }

    public class Tweet
    {
        public string UserId { get; set; } = "";

        public string Id { get; set; } = "";

        public string City { get; set; } = "";

        public DateTime Ts { get; set; }

        public int Retweets { get; set; }

        public int Likes { get; set; }

        public string Text { get; set; } = "";

        public bool Flag { get; set; }

        public DateTime? ExpiresAt { get; set; }
    }

    public class Photo
    {
        public string UserId { get; set; } = "";

        public string Id { get; set; } = "";

        public string City { get; set; } = "";
    }

    private sealed class TestContext(Action<ModelBuilder> configure) : DbContext
    {
        public DbSet<Tweet> Tweets => Set<Tweet>();

        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
            => optionsBuilder
                .UseDynamoDb(o => o.ServiceUrl("http://127.0.0.1:1").Credentials("x", "x"))
                .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, NoModelCache>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Tweet>().Property(t => t.Text).HasAttributeName("txt");
            configure(modelBuilder);
        }
    }

    private sealed class NoModelCache : Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => new object();
    }
}

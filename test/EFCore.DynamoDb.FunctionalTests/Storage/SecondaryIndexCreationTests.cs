using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EFCore.DynamoDb.FunctionalTests.Storage;

/// <summary>
///     Flywheel's create scenarios (test_models.py, TestCreate): EnsureCreated makes local and global indexes with
///     each projection, and provisioned throughput for the table and its global indexes, checked with DescribeTable.
/// </summary>
public sealed class SecondaryIndexCreationTests : IAsyncDisposable
{
    private readonly DynamoDbTestStore _store = new("indexes");
    private readonly List<DbContext> _contexts = [];

    [Fact]
    public async Task Local_indexes_with_all_keys_only_and_include_projections()
    {
        var table = await CreateAsync(t =>
        {
            t.HasLocalSecondaryIndex("ts-index", x => x.Ts);
            t.HasLocalSecondaryIndex("rt-index", x => x.Retweets).ProjectsKeysOnly();
            t.HasLocalSecondaryIndex("like-index", x => x.Likes).ProjectsInclude(x => x.Text);
        });

        var indexes = table.LocalSecondaryIndexes.ToDictionary(i => i.IndexName);
        Assert.Equal(3, indexes.Count);
        Assert.Equal(ProjectionType.ALL, indexes["ts-index"].Projection.ProjectionType);
        Assert.Equal(ProjectionType.KEYS_ONLY, indexes["rt-index"].Projection.ProjectionType);
        Assert.Equal(ProjectionType.INCLUDE, indexes["like-index"].Projection.ProjectionType);
        Assert.Equal(["Text"], indexes["like-index"].Projection.NonKeyAttributes);
        Assert.Equal([("UserId", "HASH"), ("Ts", "RANGE")], KeySchema(indexes["ts-index"].KeySchema));
        Assert.Equal(
            [("Id", "S"), ("Likes", "N"), ("Retweets", "N"), ("Ts", "N"), ("UserId", "S")],
            table.AttributeDefinitions.Select(d => (d.AttributeName, d.AttributeType.Value)).Order());
        Assert.Null(table.GlobalSecondaryIndexes);
    }

    [Fact]
    public async Task Global_indexes_with_all_keys_only_and_include_projections()
    {
        var table = await CreateAsync(t =>
        {
            t.HasGlobalSecondaryIndex("ts-index", x => x.City, x => x.Ts);
            t.HasGlobalSecondaryIndex("rt-index", x => x.City, x => x.Retweets).ProjectsKeysOnly();
            t.HasGlobalSecondaryIndex("like-index", x => x.City, x => x.Likes).ProjectsInclude(nameof(Tweet.Text));
            t.HasGlobalSecondaryIndex("city-index", x => x.City);
        });

        var indexes = table.GlobalSecondaryIndexes.ToDictionary(i => i.IndexName);
        Assert.Equal(4, indexes.Count);
        Assert.All(indexes.Values, i => Assert.Equal(IndexStatus.ACTIVE, i.IndexStatus));
        Assert.Equal(ProjectionType.ALL, indexes["ts-index"].Projection.ProjectionType);
        Assert.Equal(ProjectionType.KEYS_ONLY, indexes["rt-index"].Projection.ProjectionType);
        Assert.Equal(ProjectionType.INCLUDE, indexes["like-index"].Projection.ProjectionType);
        Assert.Equal(["Text"], indexes["like-index"].Projection.NonKeyAttributes);
        Assert.Equal([("City", "HASH"), ("Likes", "RANGE")], KeySchema(indexes["like-index"].KeySchema));
        Assert.Equal([("City", "HASH")], KeySchema(indexes["city-index"].KeySchema));

        // The table stays on demand, so its indexes have no provisioned capacity.
        Assert.Equal(BillingMode.PAY_PER_REQUEST, table.BillingModeSummary?.BillingMode ?? BillingMode.PAY_PER_REQUEST);
        Assert.All(indexes.Values, i => Assert.Equal(0, i.ProvisionedThroughput?.ReadCapacityUnits ?? 0));
    }

    [Fact]
    public async Task Model_throughput_applies_to_the_table_and_its_global_indexes()
    {
        var table = await CreateAsync(t =>
        {
            t.HasProvisionedThroughput(10, 2);
            t.HasGlobalSecondaryIndex("ts-index", x => x.City, x => x.Ts);
        });

        Assert.Equal((10L, 2L), Throughput(table.ProvisionedThroughput));
        Assert.Equal((10L, 2L), Throughput(Assert.Single(table.GlobalSecondaryIndexes).ProvisionedThroughput));
    }

    [Fact]
    public async Task An_index_throughput_overrides_the_tables()
    {
        var table = await CreateAsync(t =>
        {
            t.HasProvisionedThroughput(10, 2);
            t.HasGlobalSecondaryIndex("ts-index", x => x.City, x => x.Ts).HasProvisionedThroughput(6, 3);
            t.HasGlobalSecondaryIndex("rt-index", x => x.City, x => x.Retweets);
        });

        var indexes = table.GlobalSecondaryIndexes.ToDictionary(i => i.IndexName);
        Assert.Equal((6L, 3L), Throughput(indexes["ts-index"].ProvisionedThroughput));
        Assert.Equal((10L, 2L), Throughput(indexes["rt-index"].ProvisionedThroughput));
    }

    [Fact]
    public async Task An_existing_table_with_another_key_is_refused_naming_both_keys()
    {
        await CreateAsync(_ => { });
        var other = CreateContext(t => t.HasSortKey(x => x.Ts));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => other.Database.EnsureCreatedAsync());
        Assert.Contains($"'{_store.TablePrefix}Tweets'", error.Message, StringComparison.Ordinal);
        Assert.Contains("UserId (S, HASH), Id (S, RANGE)", error.Message, StringComparison.Ordinal);
        Assert.Contains("UserId (S, HASH), Ts (N, RANGE)", error.Message, StringComparison.Ordinal);

        error = await Assert.ThrowsAsync<InvalidOperationException>(() => other.Database.UpdateDynamoSchemaAsync());
        Assert.Contains("Ts (N, RANGE)", error.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (_contexts.Count > 0)
        {
            await _contexts[0].Database.EnsureDeletedAsync();
        }

        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }

    private async Task<TableDescription> CreateAsync(Action<EntityTypeBuilder<Tweet>> configure)
    {
        var context = CreateContext(configure);
        Assert.True(await context.Database.EnsureCreatedAsync());
        return (await context.Database.GetDynamoClient().DescribeTableAsync(_store.TablePrefix + "Tweets")).Table;
    }

    private TweetContext CreateContext(Action<EntityTypeBuilder<Tweet>> configure)
    {
        var context = new TweetContext(_store.CreateOptions<TweetContext>(), configure);
        _contexts.Add(context);
        return context;
    }

    private static IEnumerable<(string, string)> KeySchema(List<KeySchemaElement> keySchema)
        => keySchema.Select(k => (k.AttributeName, k.KeyType.Value));

    private static (long, long) Throughput(ProvisionedThroughputDescription throughput)
        => (throughput.ReadCapacityUnits!.Value, throughput.WriteCapacityUnits!.Value);
}

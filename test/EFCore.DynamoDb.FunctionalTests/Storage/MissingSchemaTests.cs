using Amazon.DynamoDBv2;
using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EFCore.DynamoDb.FunctionalTests.Storage;

/// <summary>
///     A table created by an earlier version of the model: EnsureCreated warns about the indexes and time to live it
///     lacks, and a query through a missing index says how to add it.
/// </summary>
public sealed class MissingSchemaTests : IAsyncDisposable
{
    private readonly DynamoDbTestStore _store = new("missing");
    private readonly List<DbContext> _contexts = [];

    [Fact]
    public async Task EnsureCreated_on_a_table_lacking_indexes_and_time_to_live_returns_false_and_warns()
    {
        await CreateContext(_ => { }).Database.EnsureCreatedAsync();
        var newer = CreateContext(
            t =>
            {
                t.HasGlobalSecondaryIndex("city-index", x => x.City);
                t.HasLocalSecondaryIndex("ts-index", x => x.Ts);
                t.HasTimeToLive(x => x.ExpiresAt);
            });
        _store.Recorder.Clear();

        Assert.False(await newer.Database.EnsureCreatedAsync());

        Assert.Equal(["DescribeTable", "DescribeTimeToLive"], _store.Recorder.Operations);
        var warning = Assert.Single(_store.Recorder.Log, l => l.Id == DynamoDbEventId.SchemaIncompleteWarning).Message;
        Assert.Contains(_store.TablePrefix + "Tweets", warning, StringComparison.Ordinal);
        Assert.Contains("global secondary index 'city-index'", warning, StringComparison.Ordinal);
        Assert.Contains("local secondary index 'ts-index'", warning, StringComparison.Ordinal);
        Assert.Contains("time to live on 'ExpiresAt'", warning, StringComparison.Ordinal);
        Assert.Contains("UpdateDynamoSchema", warning, StringComparison.Ordinal);

        await newer.Database.UpdateDynamoSchemaAsync();
        _store.Recorder.Clear();

        Assert.False(newer.Database.EnsureCreated());

        warning = Assert.Single(_store.Recorder.Log, l => l.Id == DynamoDbEventId.SchemaIncompleteWarning).Message;
        Assert.Contains("'ts-index'", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("city-index", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("time to live", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureCreated_on_a_table_matching_the_model_does_not_warn()
    {
        var db = CreateContext(t => t.HasGlobalSecondaryIndex("city-index", x => x.City));
        await db.Database.EnsureCreatedAsync();
        _store.Recorder.Clear();

        Assert.False(await db.Database.EnsureCreatedAsync());

        Assert.Equal(["DescribeTable"], _store.Recorder.Operations);
        Assert.DoesNotContain(_store.Recorder.Log, l => l.Id == DynamoDbEventId.SchemaIncompleteWarning);
    }

    [Fact]
    public async Task A_query_through_an_index_the_table_lacks_names_it_and_UpdateDynamoSchema()
    {
        await CreateContext(_ => { }).Database.EnsureCreatedAsync();
        var newer = CreateContext(
            t =>
            {
                t.HasGlobalSecondaryIndex("city-index", x => x.City);
                t.HasLocalSecondaryIndex("ts-index", x => x.Ts);
            });
        _store.Recorder.Clear();

        var global = await Assert.ThrowsAsync<InvalidOperationException>(() => newer.Tweets.Where(t => t.City == "Paris").ToListAsync());
        var local = await Assert.ThrowsAsync<InvalidOperationException>(
            () => newer.Tweets.Where(t => t.UserId == "u" && t.Ts > DateTime.UnixEpoch).ToListAsync());

        Assert.Contains("'city-index'", global.Message, StringComparison.Ordinal);
        Assert.Contains("'ts-index'", local.Message, StringComparison.Ordinal);
        Assert.All([global, local], e => Assert.Contains("UpdateDynamoSchema", e.Message, StringComparison.Ordinal));
        Assert.All([global, local], e => Assert.IsAssignableFrom<AmazonDynamoDBException>(e.InnerException));
        Assert.Equal(["Query", "Query"], _store.Recorder.Requests.Select(r => r.Operation));
    }

    [Fact]
    public async Task Reads_of_a_table_that_does_not_exist_name_it_and_EnsureCreated()
    {
        var db = CreateContext(_ => { });

        var query = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Tweets.Where(t => t.UserId == "u").ToListAsync());
        var find = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Tweets.FindAsync("u", "t1").AsTask());

        Assert.All(
            [query, find],
            e =>
            {
                Assert.Contains($"no table '{_store.TablePrefix}Tweets'", e.Message, StringComparison.Ordinal);
                Assert.Contains("EnsureCreated", e.Message, StringComparison.Ordinal);
                Assert.IsAssignableFrom<AmazonDynamoDBException>(e.InnerException);
            });
        Assert.Equal(["Query", "GetItem"], _store.Recorder.Requests.Select(r => r.Operation));
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

    private TweetContext CreateContext(Action<EntityTypeBuilder<Tweet>> configure)
    {
        var context = new TweetContext(_store.CreateOptions<TweetContext>(), configure);
        _contexts.Add(context);
        return context;
    }
}

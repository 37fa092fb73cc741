using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EFCore.DynamoDb.FunctionalTests.Storage;

/// <summary>
///     The schema of a multi-attribute global index on an existing table: UpdateDynamoSchema adds it with every key
///     attribute defined, EnsureCreated finds it in line, and an index of that name keyed otherwise is reported and refused.
/// </summary>
public sealed class MultiAttributeIndexSchemaTests : IAsyncDisposable
{
    private readonly DynamoDbTestStore _store = new("multikey-schema");
    private readonly List<DbContext> _contexts = [];

    private string TableName => _store.TablePrefix + "Tweets";

    [Fact]
    public async Task UpdateDynamoSchema_adds_a_multi_attribute_index_and_then_finds_the_table_in_line()
    {
        await CreateContext(_ => { }).Database.EnsureCreatedAsync();
        var updated = CreateContext(MultiAttributeIndex);
        _store.Recorder.Clear();

        var change = Assert.Single(await updated.Database.UpdateDynamoSchemaAsync());

        Assert.Equal((TableName, "place-index", DynamoSchemaChangeKind.AddGlobalSecondaryIndex), (change.Table, change.Index, change.Kind));
        Assert.Contains("City (S, HASH), Likes (N, HASH), Ts (N, RANGE), Retweets (N, RANGE)", change.Description, StringComparison.Ordinal);
        var table = await DescribeAsync();
        var index = Assert.Single(table.GlobalSecondaryIndexes);
        Assert.Equal(
            [("City", "HASH"), ("Likes", "HASH"), ("Ts", "RANGE"), ("Retweets", "RANGE")],
            index.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)));
        Assert.Equal(
            [("City", "S"), ("Id", "S"), ("Likes", "N"), ("Retweets", "N"), ("Ts", "N"), ("UserId", "S")],
            table.AttributeDefinitions.Select(d => (d.AttributeName, d.AttributeType.Value)).Order());

        Assert.Empty(await updated.Database.UpdateDynamoSchemaAsync());
        _store.Recorder.Clear();
        Assert.False(await updated.Database.EnsureCreatedAsync());
        Assert.DoesNotContain(_store.Recorder.Log, l => l.Id == DynamoDbEventId.SchemaIncompleteWarning);
    }

    [Fact]
    public async Task An_existing_index_of_the_same_name_keyed_otherwise_is_reported_and_refused()
    {
        await CreateContext(t => t.HasGlobalSecondaryIndex("place-index", x => x.City, x => x.Ts)).Database.EnsureCreatedAsync();
        var updated = CreateContext(MultiAttributeIndex);
        _store.Recorder.Clear();

        Assert.False(await updated.Database.EnsureCreatedAsync());
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => updated.Database.UpdateDynamoSchemaAsync());

        const string expected = "City (S, HASH), Likes (N, HASH), Ts (N, RANGE), Retweets (N, RANGE)";
        const string actual = "City (S, HASH), Ts (N, RANGE)";
        var warning = Assert.Single(_store.Recorder.Log, l => l.Id == DynamoDbEventId.SchemaIncompleteWarning).Message;
        Assert.Contains($"the global secondary index 'place-index' keyed on {expected} (the table's index of that name is keyed on {actual}", warning, StringComparison.Ordinal);
        Assert.Equal(
            "The global secondary index 'place-index' of the table '" + TableName + "' exists with the key " + actual
            + ", but the model expects " + expected
            + ". DynamoDB cannot change the key of an index: delete the index from the table and call UpdateDynamoSchema() again to create it, or change the model to match.",
            error.Message);
        Assert.DoesNotContain("UpdateTable", _store.Recorder.Operations);
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

    private static void MultiAttributeIndex(EntityTypeBuilder<Tweet> tweet)
        => tweet.HasGlobalSecondaryIndex("place-index", x => new { x.City, x.Likes }, x => new { x.Ts, x.Retweets });

    private async Task<TableDescription> DescribeAsync()
        => (await _contexts[0].Database.GetDynamoClient().DescribeTableAsync(TableName)).Table;

    private TweetContext CreateContext(Action<EntityTypeBuilder<Tweet>> configure)
    {
        var context = new TweetContext(_store.CreateOptions<TweetContext>(), configure);
        _contexts.Add(context);
        return context;
    }
}

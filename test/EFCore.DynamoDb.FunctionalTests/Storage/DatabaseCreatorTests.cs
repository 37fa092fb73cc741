using Amazon.DynamoDBv2;
using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Storage;

/// <summary>EnsureCreated and EnsureDeleted, sync and async, each called twice.</summary>
public class DatabaseCreatorTests
{
    private readonly DynamoDbTestStore _store = new("creator");

    [Fact]
    public async Task EnsureCreated_and_EnsureDeleted_async_report_whether_they_changed_anything()
    {
        await using var db = new GameContext(_store.CreateOptions<GameContext>());

        Assert.True(await db.Database.EnsureCreatedAsync());
        Assert.False(await db.Database.EnsureCreatedAsync());

        var table = (await db.Database.GetDynamoClient().DescribeTableAsync(_store.TablePrefix + "GameScores")).Table;
        Assert.Equal(TableStatus.ACTIVE, table.TableStatus);
        Assert.Equal(BillingMode.PAY_PER_REQUEST, table.BillingModeSummary?.BillingMode ?? BillingMode.PAY_PER_REQUEST);
        Assert.Equal([("UserId", "HASH"), ("Title", "RANGE")], table.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)));
        Assert.All(table.AttributeDefinitions, d => Assert.Equal(ScalarAttributeType.S, d.AttributeType));

        Assert.True(await db.Database.EnsureDeletedAsync());
        Assert.False(await db.Database.EnsureDeletedAsync());
        await Assert.ThrowsAsync<Amazon.DynamoDBv2.Model.ResourceNotFoundException>(
            () => db.Database.GetDynamoClient().DescribeTableAsync(_store.TablePrefix + "GameScores"));
    }

    [Fact]
    public void EnsureCreated_and_EnsureDeleted_sync()
    {
        using var db = new GameContext(_store.CreateOptions<GameContext>());

        Assert.True(db.Database.EnsureCreated());
        Assert.False(db.Database.EnsureCreated());
        Assert.True(db.Database.CanConnect());
        Assert.True(db.Database.EnsureDeleted());
        Assert.False(db.Database.EnsureDeleted());
    }

    [Fact]
    public async Task Number_keys_get_N_attribute_definitions_and_the_prefix_names_the_table()
    {
        await using var db = new NumberKeyContext(_store.CreateOptions<NumberKeyContext>(o => o.TableNamePrefix(_store.TablePrefix + "n-")));
        await db.Database.EnsureCreatedAsync();

        var table = (await db.Database.GetDynamoClient().DescribeTableAsync(_store.TablePrefix + "n-Counters")).Table;
        Assert.Equal(ScalarAttributeType.N, Assert.Single(table.AttributeDefinitions).AttributeType);
        Assert.Equal("Id", Assert.Single(table.KeySchema).AttributeName);

        await db.Database.EnsureDeletedAsync();
    }

    [Fact]
    public async Task CanConnect_is_false_for_an_endpoint_nobody_listens_on()
    {
        var options = new DbContextOptionsBuilder<GameContext>().AllowManyServiceProviders()
            .UseDynamoDb(o => o.ServiceUrl("http://127.0.0.1:1").Credentials("test", "test"))
            .Options;
        await using var db = new GameContext(options);

        Assert.False(await db.Database.CanConnectAsync());
    }

    public class Counter
    {
        public long Id { get; set; }

        public int Value { get; set; }
    }

    public class NumberKeyContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Counter> Counters => Set<Counter>();
    }
}

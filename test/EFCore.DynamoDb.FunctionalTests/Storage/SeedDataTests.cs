using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Storage;

/// <summary>HasData seed items are inserted by EnsureCreated when it creates their table, through the normal write path.</summary>
public sealed class SeedDataTests
{
    private readonly DynamoDbTestStore _store = new("seed");

    [Fact]
    public async Task EnsureCreated_inserts_seed_data_into_the_tables_it_created()
    {
        await using var context = new TweetContext(
            _store.CreateOptions<TweetContext>(),
            t => t.HasData(
                new Tweet { UserId = "u1", Id = "t1", Text = "first", Ts = new DateTime(2015, 1, 2, 3, 4, 5, DateTimeKind.Utc) },
                new Tweet { UserId = "u1", Id = "t2", Text = "second" },
                new Tweet { UserId = "u2", Id = "t1", Likes = 3 }));

        Assert.True(await context.Database.EnsureCreatedAsync());
        Assert.Contains("Items: 3", _store.Recorder.Requests.Single(r => r.Operation == "TransactWriteItems").Expressions, StringComparison.Ordinal);

        var tweets = await context.Tweets.Where(t => t.UserId == "u1").ToListAsync();
        Assert.Equal(["first", "second"], tweets.OrderBy(t => t.Id).Select(t => t.Text));
        Assert.Equal(new DateTime(2015, 1, 2, 3, 4, 5, DateTimeKind.Utc), tweets.Single(t => t.Id == "t1").Ts);
        Assert.Equal(3, (await context.Tweets.FindAsync("u2", "t1"))!.Likes);

        // An existing table is left as it is: its seed items are not written again.
        _store.Recorder.Clear();
        Assert.False(context.Database.EnsureCreated());
        Assert.DoesNotContain("TransactWriteItems", _store.Recorder.Operations);

        await context.Database.EnsureDeletedAsync();
    }
}

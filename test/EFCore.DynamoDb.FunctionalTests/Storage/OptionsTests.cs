using Amazon.DynamoDBv2;
using Amazon.Runtime;
using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace EFCore.DynamoDb.FunctionalTests.Storage;

/// <summary>How the provider finds its client: options, the application's service provider, or the SDK defaults.</summary>
public class OptionsTests
{
    private readonly DynamoDbTestStore _store = new("options");

    [Fact]
    public void Contexts_with_the_same_endpoint_share_a_client_and_different_endpoints_never_do()
    {
        using var first = new GameContext(_store.CreateOptions<GameContext>());
        using var second = new GameContext(_store.CreateOptions<GameContext>());
        using var other = new GameContext(
            new DbContextOptionsBuilder<GameContext>().AllowManyServiceProviders().UseDynamoDb(o => o.ServiceUrl("http://127.0.0.1:1").Credentials("a", "b")).Options);

        Assert.Same(first.Database.GetDynamoClient(), second.Database.GetDynamoClient());
        Assert.NotSame(first.Database.GetDynamoClient(), other.Database.GetDynamoClient());
        Assert.Equal("http://127.0.0.1:1/", ((AmazonDynamoDBClient)other.Database.GetDynamoClient()).Config.ServiceURL);
    }

    // The prefix does not choose the service provider, and each options keep their own prefixed names: contexts of one
    // service provider with different prefixes, one made from the other's options, each read and write their own table.
    [Fact]
    public async Task Contexts_with_different_prefixes_each_use_their_own_tables()
    {
        var firstOptions = _store.CreateOptions<GameContext>(o => o.TableNamePrefix(_store.TablePrefix + "first-"));
        var secondOptions = _store.CreateOptions<GameContext>(o => o.TableNamePrefix(_store.TablePrefix + "second-"));
        await using var first = new GameContext(firstOptions);
        await using var second = new GameContext(secondOptions);
        Assert.True(await first.Database.EnsureCreatedAsync());
        Assert.True(await second.Database.EnsureCreatedAsync());
        try
        {
            first.GameScores.Add(new GameScore { UserId = "prefix", Title = "First" });
            await first.SaveChangesAsync();
            second.GameScores.AddRange(new GameScore { UserId = "prefix", Title = "Second" }, new GameScore { UserId = "prefix", Title = "Third" });
            await second.SaveChangesAsync();

            Assert.Equal(["First"], await first.GameScores.Where(s => s.UserId == "prefix").Select(s => s.Title).ToListAsync());
            await using var again = new GameContext(secondOptions);
            Assert.Equal(["Second", "Third"], await again.GameScores.Where(s => s.UserId == "prefix").Select(s => s.Title).ToListAsync());
            Assert.Same(first.GetService<IDatabaseProvider>(), second.GetService<IDatabaseProvider>());
        }
        finally
        {
            await first.Database.EnsureDeletedAsync();
            await second.Database.EnsureDeletedAsync();
        }
    }

    [Fact]
    public async Task A_client_registered_in_the_application_is_used()
    {
        using var client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("app", "app"),
            new AmazonDynamoDBConfig { ServiceURL = DynamoDbTestServer.ServiceUrl, AuthenticationRegion = "us-east-1" });
        var services = new ServiceCollection()
            .AddSingleton<IAmazonDynamoDB>(client)
            .AddDbContext<GameContext>(o => o.AllowManyServiceProviders().UseDynamoDb(d => d.TableNamePrefix(_store.TablePrefix + "app-")))
            .BuildServiceProvider();

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GameContext>();

        Assert.Same(client, db.Database.GetDynamoClient());
        Assert.True(await db.Database.EnsureCreatedAsync());
        db.GameScores.Add(new GameScore { UserId = "app", Title = "Registered client" });
        await db.SaveChangesAsync();
        Assert.Equal(1, await db.GameScores.CountAsync(s => s.UserId == "app"));
        await db.Database.EnsureDeletedAsync();
    }

    [Fact]
    public void Connection_settings_in_UseDynamoDb_win_over_a_registered_client()
    {
        using var registered = new AmazonDynamoDBClient(
            new BasicAWSCredentials("app", "app"), new AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:2" });
        var services = new ServiceCollection()
            .AddSingleton<IAmazonDynamoDB>(registered)
            .AddDbContext<GameContext>(o => o.AllowManyServiceProviders().UseDynamoDb(d => d.ServiceUrl(DynamoDbTestServer.ServiceUrl).Credentials("t", "t")))
            .BuildServiceProvider();

        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GameContext>();

        Assert.NotSame(registered, db.Database.GetDynamoClient());
    }

    [Fact]
    public void The_generic_overload_configures_the_same_options()
    {
        var options = new DbContextOptionsBuilder<GameContext>().AllowManyServiceProviders()
            .UseDynamoDb(o => o.Region("eu-west-1").TableNamePrefix("prod."))
            .Options;
        using var db = new GameContext(options);

        Assert.True(db.Database.IsDynamoDb());
        Assert.Equal(Amazon.RegionEndpoint.EUWest1, ((AmazonDynamoDBClient)db.Database.GetDynamoClient()).Config.RegionEndpoint);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://localhost")]
    public void A_bad_service_url_is_refused_when_configured(string url)
    {
        var error = Assert.Throws<ArgumentException>(() => new DbContextOptionsBuilder().UseDynamoDb(o => o.ServiceUrl(url)));
        Assert.Contains(url, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_table_prefix_is_refused_when_configured()
    {
        var error = Assert.Throws<ArgumentException>(() => new DbContextOptionsBuilder().UseDynamoDb(o => o.TableNamePrefix("bad prefix!")));
        Assert.Contains("bad prefix!", error.Message, StringComparison.Ordinal);
    }
}

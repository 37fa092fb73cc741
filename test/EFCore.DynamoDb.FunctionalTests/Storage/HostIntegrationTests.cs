using Amazon.DynamoDBv2;
using Amazon.Runtime;
using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using EFCore.DynamoDb.Update.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EFCore.DynamoDb.FunctionalTests.Storage;

/// <summary>
///     The generic host's way: the client registered by AWSSDK.Extensions.NETCore.Setup from <c>IConfiguration</c>,
///     the provider's options from the same configuration, and AddDbContext, AddDbContextPool and AddDbContextFactory.
/// </summary>
public class HostIntegrationTests : IAsyncLifetime
{
    private readonly DynamoDbTestStore _store = new("host");
    private readonly IConfiguration _configuration;

    public HostIntegrationTests()
        => _configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    ["AWS:Region"] = "us-east-1",
                    ["AWS:ServiceURL"] = DynamoDbTestServer.ServiceUrl,
                    ["DynamoDb:TableNamePrefix"] = _store.TablePrefix,
                })
            .Build();

    [Fact]
    public async Task AddDbContext_uses_the_client_that_AddAWSService_registers()
    {
        await using var services = Services(s => s.AddDbContext<GameContext>(Configure));
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GameContext>();

        Assert.Same(services.GetRequiredService<IAmazonDynamoDB>(), db.Database.GetDynamoClient());
        Assert.Equal(DynamoDbTestServer.ServiceUrl.TrimEnd('/') + "/", db.Database.GetDynamoClient().Config.ServiceURL);
        db.GameScores.Add(new GameScore { UserId = "host", Title = "AddDbContext", Wins = 1 });
        await db.SaveChangesAsync();
        Assert.Equal(1, await db.GameScores.CountAsync(s => s.UserId == "host" && s.Title == "AddDbContext"));
    }

    [Fact]
    public async Task AddDbContextFactory_creates_contexts_on_the_registered_client()
    {
        await using var services = Services(s => s.AddDbContextFactory<GameContext>(Configure));
        var factory = services.GetRequiredService<IDbContextFactory<GameContext>>();

        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Same(services.GetRequiredService<IAmazonDynamoDB>(), db.Database.GetDynamoClient());
            db.GameScores.Add(new GameScore { UserId = "host", Title = "Factory" });
            await db.SaveChangesAsync();
        }

        await using var reader = await factory.CreateDbContextAsync();
        Assert.NotNull(await reader.GameScores.FindAsync("host", "Factory"));
    }

    [Fact]
    public async Task A_pooled_context_keeps_no_pending_operations_or_conditions_of_its_previous_lease()
    {
        await using var services = Services(s => s.AddDbContextPool<GameContext>(Configure));
        var score = new GameScore { UserId = "host", Title = "Pooled" };
        GameContext first;
        await using (var scope = services.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<GameContext>();
            first.GameScores.Add(score);
            await first.SaveChangesAsync();
            first.Entry(score).Property(s => s.Wins).Increment(5);
            first.Entry(score).SaveOnlyIf(s => s.Wins > 100);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var second = scope.ServiceProvider.GetRequiredService<GameContext>();
            Assert.Same(first, second);
            Assert.Equal(0, second.Database.GetConsumedCapacity().TotalRequests);
            var property = second.Model.FindEntityType(typeof(GameScore))!.FindProperty(nameof(GameScore.Wins))!;
            Assert.Null(second.GetService<IDynamoAtomicOperations>().Find(score, property));
            Assert.Empty(second.GetService<IDynamoSaveConditions>().Find(score));

            second.Attach(score).Property(s => s.Comment).CurrentValue = "second lease";
            await second.SaveChangesAsync();
        }

        await using var check = new GameContext(_store.CreateOptions<GameContext>());
        var stored = (await check.GameScores.FindAsync("host", "Pooled"))!;
        Assert.Equal(("second lease", 0), (stored.Comment, stored.Wins));
    }

    public async Task InitializeAsync()
    {
        await using var db = new GameContext(_store.CreateOptions<GameContext>());
        await db.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        await using var db = new GameContext(_store.CreateOptions<GameContext>());
        await db.Database.EnsureDeletedAsync();
    }

    private void Configure(DbContextOptionsBuilder options) => options.AllowManyServiceProviders().UseDynamoDb(_configuration.GetSection("DynamoDb"));

    private ServiceProvider Services(Action<IServiceCollection> addContext)
    {
        var awsOptions = _configuration.GetAWSOptions();
        awsOptions.Credentials = new BasicAWSCredentials("host", "host");
        var services = new ServiceCollection()
            .AddSingleton(_configuration)
            .AddDefaultAWSOptions(awsOptions)
            .AddAWSService<IAmazonDynamoDB>();
        addContext(services);
        return services.BuildServiceProvider();
    }
}

using Amazon.DynamoDBv2.Model;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.TestUtilities;

/// <summary>
///     The tables of one test class: created (and seeded) before its first test under the class's own table
///     prefix, deleted after its last.
/// </summary>
public abstract class DynamoDbFixture<TContext>(string name, Func<DbContextOptions, TContext> createContext) : IAsyncLifetime
    where TContext : DbContext
{
    public DynamoDbTestStore Store { get; } = new(name);

    public TContext CreateContext(bool sensitiveDataLogging = false)
        => createContext(Store.CreateOptions<TContext>(sensitiveDataLogging: sensitiveDataLogging));

    /// <summary>Reads an item as DynamoDB stores it, bypassing the provider.</summary>
    public async Task<Dictionary<string, AttributeValue>> GetRawItemAsync(string table, Dictionary<string, AttributeValue> key)
    {
        await using var context = CreateContext();
        return (await context.Database.GetDynamoClient().GetItemAsync(Store.TablePrefix + table, key)).Item;
    }

    public async Task InitializeAsync()
    {
        await using var context = CreateContext();
        await context.Database.EnsureCreatedAsync();
        await SeedAsync(context);
        Store.Recorder.Clear();
    }

    public async Task DisposeAsync()
    {
        await using var context = CreateContext();
        await context.Database.EnsureDeletedAsync();
    }

    protected virtual Task SeedAsync(TContext context) => Task.CompletedTask;
}

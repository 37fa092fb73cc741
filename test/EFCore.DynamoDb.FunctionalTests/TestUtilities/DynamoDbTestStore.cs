using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.TestUtilities;

/// <summary>
///     Options for the contexts of one test class: the shared test server, and a table prefix of the class's own,
///     so classes run in parallel without seeing each other's tables.
/// </summary>
public sealed class DynamoDbTestStore
{
    public DynamoDbTestStore(string name)
        => TablePrefix = name + "-" + Guid.NewGuid().ToString("N")[..6] + "-";

    public string TablePrefix { get; }

    public RequestRecorder Recorder { get; } = new();

    public DbContextOptions<TContext> CreateOptions<TContext>(
        Action<Microsoft.EntityFrameworkCore.Infrastructure.DynamoDbContextOptionsBuilder>? configure = null,
        bool sensitiveDataLogging = false)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>().AllowManyServiceProviders()
            .UseDynamoDb(o =>
            {
                o.ServiceUrl(DynamoDbTestServer.ServiceUrl).Credentials("test", "test").TableNamePrefix(TablePrefix);
                configure?.Invoke(o);
            })
            .LogTo((_, _) => true, Recorder.Record)
            .EnableSensitiveDataLogging(sensitiveDataLogging);
        return builder.Options;
    }
}

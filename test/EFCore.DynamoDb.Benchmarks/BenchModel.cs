using Amazon.DynamoDBv2.DataModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EFCore.DynamoDb.Benchmarks;

/// <summary>An item of the benchmark's table, as the provider maps it.</summary>
internal sealed class Score
{
    public string UserId { get; set; } = null!;

    public string Title { get; set; } = null!;

    public int TopScore { get; set; }

    public int Wins { get; set; }

    public string Country { get; set; } = null!;
}

/// <summary>The same item, as <see cref="DynamoDBContext" /> maps it.</summary>
[DynamoDBTable(BenchData.TableName)]
internal sealed class SdkScore
{
    [DynamoDBHashKey]
    public string UserId { get; set; } = null!;

    [DynamoDBRangeKey]
    public string Title { get; set; } = null!;

    public int TopScore { get; set; }

    public int Wins { get; set; }

    public string Country { get; set; } = null!;
}

internal sealed class BenchContext(DbContextOptions<BenchContext> options) : DbContext(options)
{
    public DbSet<Score> Scores => Set<Score>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Score>(e =>
        {
            e.HasPartitionKey(s => s.UserId);
            e.HasSortKey(s => s.Title);
        });
}

/// <summary>
///     For <c>dotnet ef dbcontext optimize</c>, which wrote <c>CompiledModel/</c>; no database is contacted at design time.
/// </summary>
internal sealed class BenchContextFactory : IDesignTimeDbContextFactory<BenchContext>
{
    public BenchContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<BenchContext>()
            .UseDynamoDb(o => o.ServiceUrl("http://localhost:8000").Credentials("bench", "bench").TableNamePrefix(BenchData.TablePrefix))
            .Options);
}

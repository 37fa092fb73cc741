using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Benchmarks;

/// <summary>
///     Reads the same data three ways: through the provider, with the raw AWS SDK, and with the SDK's
///     <see cref="DynamoDBContext" />. The difference is the provider's overhead per request.
/// </summary>
[MemoryDiagnoser]
public class ReadBenchmarks
{
    private const string Prefix = "bench-";
    private AmazonDynamoDBClient _client = null!;
    private DbContextOptions<BenchContext> _options = null!;
    private DynamoDBContext _sdkContext = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var serviceUrl = Environment.GetEnvironmentVariable("DYNAMODB_SERVICE_URL")
            ?? throw new InvalidOperationException("Run the benchmarks with ./build.sh bench, which starts DynamoDB Local.");
        _client = new AmazonDynamoDBClient(new BasicAWSCredentials("bench", "bench"), new AmazonDynamoDBConfig { ServiceURL = serviceUrl });
        _options = new DbContextOptionsBuilder<BenchContext>()
            .UseDynamoDb(o => o.ServiceUrl(serviceUrl).Credentials("bench", "bench").TableNamePrefix(Prefix))
            .Options;
        _sdkContext = new DynamoDBContextBuilder().WithDynamoDBClient(() => _client).Build();

        await using var db = new BenchContext(_options);
        await db.Database.EnsureDeletedAsync();
        await db.Database.EnsureCreatedAsync();
        for (var i = 0; i < 20; i++)
        {
            db.Scores.Add(new Score { UserId = "u1", Title = $"game-{i:D2}", TopScore = i });
        }

        await db.SaveChangesAsync();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdkContext.Dispose();
        _client.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> RawSdk_GetItem()
    {
        var response = await _client.GetItemAsync(
            Prefix + "Scores",
            new Dictionary<string, AttributeValue> { ["UserId"] = new() { S = "u1" }, ["Title"] = new() { S = "game-07" } });
        return int.Parse(response.Item["TopScore"].N, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Benchmark]
    public async Task<int> DynamoDBContext_Load()
        => (await _sdkContext.LoadAsync<SdkScore>("u1", "game-07")).TopScore;

    [Benchmark]
    public async Task<int> Provider_Find()
    {
        await using var db = new BenchContext(_options);
        return (await db.Scores.FindAsync("u1", "game-07"))!.TopScore;
    }

    [Benchmark]
    public async Task<int> Provider_Query_NoTracking()
    {
        await using var db = new BenchContext(_options);
        return (await db.Scores.AsNoTracking().Where(s => s.UserId == "u1").ToListAsync()).Count;
    }

    [Benchmark]
    public async Task<int> RawSdk_Query()
    {
        var response = await _client.QueryAsync(new QueryRequest
        {
            TableName = Prefix + "Scores",
            KeyConditionExpression = "#u = :u",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#u"] = "UserId" },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":u"] = new() { S = "u1" } }
        });
        return response.Items.Count;
    }
}

public class Score
{
    public string UserId { get; set; } = null!;

    public string Title { get; set; } = null!;

    public int TopScore { get; set; }
}

[DynamoDBTable(Prefix + "Scores")]
public class SdkScore
{
    private const string Prefix = "bench-";

    [DynamoDBHashKey]
    public string UserId { get; set; } = null!;

    [DynamoDBRangeKey]
    public string Title { get; set; } = null!;

    public int TopScore { get; set; }
}

public class BenchContext(DbContextOptions<BenchContext> options) : DbContext(options)
{
    public DbSet<Score> Scores => Set<Score>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Score>(e =>
        {
            e.HasPartitionKey(s => s.UserId);
            e.HasSortKey(s => s.Title);
        });
}

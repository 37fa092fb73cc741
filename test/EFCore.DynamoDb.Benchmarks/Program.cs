using System.Runtime.InteropServices;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using EFCore.DynamoDb.Benchmarks;
using EFCore.DynamoDb.Benchmarks.Systems;
using EFCore.DynamoDb.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

// Raw SDK code, DynamoDBContext and the provider doing the same work side by side in this process (steady), and each
// started in a fresh process for its first Find (cold). ./build.sh bench starts DynamoDB Local and passes the arguments.
BenchArguments arguments;
try
{
    arguments = BenchArguments.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var serviceUrl = Environment.GetEnvironmentVariable("DYNAMODB_SERVICE_URL");
if (serviceUrl == null)
{
    Console.Error.WriteLine("DYNAMODB_SERVICE_URL is not set: run the benchmarks with ./build.sh bench, which starts DynamoDB Local.");
    return 2;
}

if (arguments.ColdSystem != null)
{
    await ColdStartBenchmark.RunChildAsync(arguments.ColdSystem, serviceUrl);
    return 0;
}

Console.WriteLine($"{RuntimeInformation.FrameworkDescription} on {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, "
    + $"thread-pool spin limit {AppContext.GetData("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit") ?? "default"}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Console.WriteLine(LoadAverage());
Console.WriteLine();

// One AWS client for every system, so they share the HTTP stack; the provider gets it as the application's client,
// from application services that also hold logging, as a host's do (without a logger factory EF makes one per context).
var counter = new RequestCounter();
using var client = new AmazonDynamoDBClient(
    new BasicAWSCredentials("bench", "bench"),
    new AmazonDynamoDBConfig { ServiceURL = serviceUrl, AuthenticationRegion = "us-east-1", HttpClientFactory = counter });
await using var services = new ServiceCollection().AddSingleton<IAmazonDynamoDB>(client).AddLogging().BuildServiceProvider();
var options = new DbContextOptionsBuilder<BenchContext>()
    .UseDynamoDb(o => o.TableNamePrefix(BenchData.TablePrefix).ConflictMode(ConflictMode.Overwrite))
    .UseApplicationServiceProvider(services)
    .Options;

await using (var db = new BenchContext(options))
{
    await db.Database.EnsureDeletedAsync();
    await db.Database.EnsureCreatedAsync();
}

var raw = new RawSdkSystem(client);
await raw.SeedAsync();

if (arguments.RunsSteadyState || arguments.RunsAllocationProfile)
{
    using var sdkContext = ColdStartBenchmark.NewSdkContext(client);
    var systems = arguments.Select(
    [
        raw,
        new SdkContextSystem(sdkContext),
        new ProviderSystem("provider, new context", new NewContextFactory(options)),
        new ProviderSystem("provider, pooled context", new PooledDbContextFactory<BenchContext>(options)),
    ]);
    Console.WriteLine(arguments.RunsAllocationProfile
        ? await AllocationProfile.RunAsync(systems, arguments)
        : await new SteadyStateBenchmark(systems, counter, arguments).RunAsync());
    Console.WriteLine(LoadAverage());
    Console.WriteLine();
}

if (arguments.RunsColdStart)
{
    Console.WriteLine(await ColdStartBenchmark.RunAsync(serviceUrl, arguments.ColdLaunches));
    Console.WriteLine(LoadAverage());
}

return 0;

// The machine may be shared: its load, printed around the figures, says how much to trust them.
static string LoadAverage()
    => File.Exists("/proc/loadavg")
        ? "load average (1, 5, 15 min): " + string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
        : "";

/// <summary>A new context per operation, as <c>new BenchContext(options)</c> or <c>AddDbContext</c> give.</summary>
internal sealed class NewContextFactory(DbContextOptions<BenchContext> options) : IDbContextFactory<BenchContext>
{
    public BenchContext CreateDbContext() => new(options);
}

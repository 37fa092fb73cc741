using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using EFCore.DynamoDb.Benchmarks.Systems;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EFCore.DynamoDb.Benchmarks;

/// <summary>
///     A fresh process from its start to the first Find result, as an application would do it: create the client (or
///     context), read one item by key. The harness launches itself once per system and launch, the systems in rotating
///     order, and times from <see cref="Process.Start()" /> to the line the child prints with the result.
/// </summary>
internal static class ColdStartBenchmark
{
    public const string ChildMode = "cold-child";

    private static readonly string[] Systems = ["raw SDK", "DynamoDBContext", "provider", "provider, compiled model"];

    public static async Task<string> RunAsync(string serviceUrl, int launches)
    {
        var wall = Systems.ToDictionary(s => s, _ => new List<double>());
        var cpu = Systems.ToDictionary(s => s, _ => new List<double>());
        for (var launch = 0; launch < launches; launch++)
        {
            for (var i = 0; i < Systems.Length; i++)
            {
                var system = Systems[(i + launch) % Systems.Length];
                var (wallMilliseconds, cpuMilliseconds) = await LaunchAsync(system, serviceUrl);
                wall[system].Add(wallMilliseconds);
                cpu[system].Add(cpuMilliseconds);
            }
        }

        var rawWall = Statistics.Median(wall[Systems[0]]);
        var rawCpu = Statistics.Median(cpu[Systems[0]]);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Cold start, a new process to the first Find result (medians of {launches} launches):");
        report.AppendLine();
        report.AppendLine("| system | wall ms | wall × raw | CPU ms | CPU × raw |");
        report.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var system in Systems)
        {
            var medianWall = Statistics.Median(wall[system]);
            var medianCpu = Statistics.Median(cpu[system]);
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {system} | {medianWall:F0} | {medianWall / rawWall:F2}× | {medianCpu:F0} | {medianCpu / rawCpu:F2}× |");
        }

        return report.ToString();
    }

    /// <summary>In the child: the first Find of <paramref name="system" />; prints the value read and the CPU time spent so far.</summary>
    public static async Task RunChildAsync(string system, string serviceUrl)
    {
        var topScore = await FirstFindAsync(system, serviceUrl);
        var cpuMilliseconds = ProcessCpu.Nanoseconds() / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{topScore} {cpuMilliseconds:F1}"));
    }

    private static async Task<int> FirstFindAsync(string system, string serviceUrl)
    {
        switch (system)
        {
            case "raw SDK":
            {
                using var client = NewClient(serviceUrl);
                var response = await client.GetItemAsync(new GetItemRequest
                {
                    TableName = BenchData.PrefixedTableName,
                    Key = new() { ["UserId"] = new AttributeValue { S = BenchData.QueryUser }, ["Title"] = new AttributeValue { S = BenchData.FoundTitle } }
                });
                return RawSdkSystem.ToScore(response.Item).TopScore;
            }
            case "DynamoDBContext":
            {
                using var client = NewClient(serviceUrl);
                using var context = NewSdkContext(client);
                return (await context.LoadAsync<SdkScore>(BenchData.QueryUser, BenchData.FoundTitle)).TopScore;
            }
            default:
            {
                var options = new DbContextOptionsBuilder<BenchContext>()
                    .UseDynamoDb(o => o.ServiceUrl(serviceUrl).Credentials("bench", "bench").TableNamePrefix(BenchData.TablePrefix));
                if (system == Systems[3])
                {
                    options.UseModel(CompiledModel());
                }

                await using var db = new BenchContext(options.Options);
                return (await db.Scores.FindAsync(BenchData.QueryUser, BenchData.FoundTitle))!.TopScore;
            }
        }
    }

    /// <summary>
    ///     The model in <c>CompiledModel/</c>, found by name so that the project still builds without it, as
    ///     <c>dotnet ef dbcontext optimize</c> needs when it writes the model anew.
    /// </summary>
    private static IModel CompiledModel()
        => typeof(BenchContext).Assembly.GetType("EFCore.DynamoDb.Benchmarks.CompiledModel.BenchContextModel")
                ?.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IModel
            ?? throw new InvalidOperationException("CompiledModel/ has no BenchContextModel: write it with dotnet ef dbcontext optimize (see README, \"Performance\").");

    /// <summary>The AWS client as an application creates it for DynamoDB Local (the benchmark's own client also counts requests).</summary>
    private static AmazonDynamoDBClient NewClient(string serviceUrl)
        => new(new BasicAWSCredentials("bench", "bench"), new AmazonDynamoDBConfig { ServiceURL = serviceUrl, AuthenticationRegion = "us-east-1" });

    /// <summary>
    ///     As AWS advises for speed: the table's keys come from the attributes, so no DescribeTable is sent and every system
    ///     sends the same requests.
    /// </summary>
    public static IDynamoDBContext NewSdkContext(IAmazonDynamoDB client)
        => new DynamoDBContextBuilder()
            .WithDynamoDBClient(() => client)
            .ConfigureContext(c =>
            {
                c.TableNamePrefix = BenchData.TablePrefix;
                c.DisableFetchingTableMetadata = true;
            })
            .Build();

    private static async Task<(double WallMilliseconds, double CpuMilliseconds)> LaunchAsync(string system, string serviceUrl)
    {
        var startInfo = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            startInfo.ArgumentList.Add(typeof(ColdStartBenchmark).Assembly.Location);
        }

        startInfo.ArgumentList.Add(ChildMode);
        startInfo.ArgumentList.Add(system);
        startInfo.Environment["DYNAMODB_SERVICE_URL"] = serviceUrl;
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("could not start " + startInfo.FileName);
        var line = await process.StandardOutput.ReadLineAsync();
        var wall = Stopwatch.GetElapsedTime(started);
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var fields = line?.Split(' ') ?? [];
        if (process.ExitCode != 0 || fields.Length != 2 || fields[0] != BenchData.Number(BenchData.FoundTopScore))
        {
            throw new InvalidOperationException($"the cold start of {system} printed '{line}' and exited with {process.ExitCode}: {error}");
        }

        return (wall.TotalMilliseconds, double.Parse(fields[1], CultureInfo.InvariantCulture));
    }
}

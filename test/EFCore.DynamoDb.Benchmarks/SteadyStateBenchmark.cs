using System.Diagnostics;
using System.Globalization;
using System.Text;
using EFCore.DynamoDb.Benchmarks.Systems;

namespace EFCore.DynamoDb.Benchmarks;

/// <summary>
///     Runs every operation in every system, interleaved: each round runs each operation once per system, the systems in
///     an order that rotates from round to round, so a slow spell of the machine or of DynamoDB Local is shared out. The
///     first rounds only warm up (tiered JIT, connection pool, caches); the medians of the rest are reported.
/// </summary>
internal sealed class SteadyStateBenchmark(IReadOnlyList<BenchSystem> systems, RequestCounter counter, BenchArguments arguments)
{
    private readonly Dictionary<(BenchOperation, BenchSystem), Samples> _samples = [];
    private int _warmupRounds;
    private double _warmupSeconds;

    public async Task<string> RunAsync()
    {
        if (arguments.Operations.Count == 0)
        {
            throw new ArgumentException($"no operation's name contains '{arguments.Only}'; {BenchArguments.Usage}");
        }

        await CheckRequestsAsync();
        var stopwatch = Stopwatch.StartNew();
        int? warmupRounds = null;
        for (var round = 0; warmupRounds == null || round < warmupRounds + arguments.MeasuredRounds; round++)
        {
            if (warmupRounds == null && round >= arguments.WarmupRounds && stopwatch.Elapsed.TotalSeconds >= arguments.WarmupSeconds)
            {
                warmupRounds = _warmupRounds = round;
                _warmupSeconds = stopwatch.Elapsed.TotalSeconds;
            }

            await RunRoundAsync(round, measure: warmupRounds != null);
            if ((round + 1) % 50 == 0)
            {
                var phase = warmupRounds == null ? "warm-up" : $"{round + 1 - warmupRounds} of {arguments.MeasuredRounds} measured";
                Console.Error.WriteLine(FormattableString.Invariant($"    round {round + 1} ({phase}), {stopwatch.Elapsed.TotalSeconds:F0} s"));
            }
        }

        return Report();
    }

    /// <summary>Runs each operation once per system, counting requests: the same work everywhere, or the run stops.</summary>
    private async Task CheckRequestsAsync()
    {
        Console.WriteLine("Requests per operation (checked once per system):");
        Console.WriteLine();
        counter.Enabled = true;
        foreach (var operation in arguments.Operations)
        {
            // The first system (raw SDK) sets the requests the others must send: the same operations, as many of each.
            string? expected = null;
            foreach (var system in systems.Where(operation.AppliesTo))
            {
                var result = await operation.Run(system);
                var summary = counter.TakeSummary(out var total);
                expected ??= summary;
                Console.WriteLine($"    {operation.Name,-42} {system.Name,-24} {summary}");
                if (total != operation.Requests || summary != expected || result != operation.Result)
                {
                    throw new InvalidOperationException(
                        $"'{operation.Name}' in {system.Name} sent {total} requests ({summary}) and returned {result}; "
                        + $"every system must send {operation.Requests} ({expected}) and return {operation.Result}.");
                }
            }
        }

        counter.Enabled = false;
        Console.WriteLine();
    }

    private async Task RunRoundAsync(int round, bool measure)
    {
        foreach (var operation in arguments.Operations)
        {
            for (var i = 0; i < systems.Count; i++)
            {
                var system = systems[(i + round) % systems.Count];
                if (!operation.AppliesTo(system))
                {
                    continue;
                }

                var sample = await MeasureAsync(operation, system);
                if (measure)
                {
                    SamplesOf(operation, system).Add(sample);
                }
            }
        }
    }

    private static async Task<Sample> MeasureAsync(BenchOperation operation, BenchSystem system)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = ProcessCpu.Nanoseconds();
        var started = Stopwatch.GetTimestamp();
        await operation.Run(system);
        var wall = Stopwatch.GetElapsedTime(started);
        cpu = ProcessCpu.Nanoseconds() - cpu;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        return new Sample(cpu, (long)(wall.TotalMicroseconds * 1000), allocated);
    }

    private Samples SamplesOf(BenchOperation operation, BenchSystem system)
    {
        if (!_samples.TryGetValue((operation, system), out var samples))
        {
            _samples[(operation, system)] = samples = new Samples();
        }

        return samples;
    }

    private string Report()
    {
        var raw = systems[0];
        var others = systems.Skip(1).ToList();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Client CPU per operation, × raw SDK (medians of {arguments.MeasuredRounds} rounds after {_warmupRounds} of warm-up, {_warmupSeconds:F0} s):");
        report.AppendLine();
        report.AppendLine("| operation | raw SDK, CPU | " + string.Join(" | ", others.Select(s => s.Name)) + " |");
        report.AppendLine("|---|---:|" + string.Concat(others.Select(_ => "---:|")));
        foreach (var operation in arguments.Operations)
        {
            var baseline = SamplesOf(operation, raw);
            report.Append(CultureInfo.InvariantCulture, $"| {operation.Name} | {baseline.MedianCpuMicroseconds:F0} µs |");
            foreach (var system in others)
            {
                report.Append(operation.AppliesTo(system)
                    ? Ratio(SamplesOf(operation, system).MedianCpuMicroseconds, baseline.MedianCpuMicroseconds)
                    : " — |");
            }

            report.AppendLine();
        }

        report.AppendLine();
        report.AppendLine("Per operation, every figure a median:");
        report.AppendLine();
        report.AppendLine("| operation | system | CPU µs | CPU × raw | CPU µs, middle half | wall µs | wall × raw | allocated KB | alloc × raw |");
        report.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var operation in arguments.Operations)
        {
            var baseline = SamplesOf(operation, raw);
            foreach (var system in systems.Where(operation.AppliesTo))
            {
                var samples = SamplesOf(operation, system);
                report.Append(CultureInfo.InvariantCulture, $"| {operation.Name} | {system.Name} | {samples.MedianCpuMicroseconds:F0} |");
                report.Append(Ratio(samples.MedianCpuMicroseconds, baseline.MedianCpuMicroseconds));
                report.Append(CultureInfo.InvariantCulture, $" {samples.CpuMicroseconds(0.25):F0}–{samples.CpuMicroseconds(0.75):F0} |");
                report.Append(CultureInfo.InvariantCulture, $" {samples.MedianWallMicroseconds:F0} |");
                report.Append(Ratio(samples.MedianWallMicroseconds, baseline.MedianWallMicroseconds));
                report.Append(CultureInfo.InvariantCulture, $" {samples.MedianAllocatedKilobytes:F1} |");
                report.AppendLine(Ratio(samples.MedianAllocatedKilobytes, baseline.MedianAllocatedKilobytes));
            }
        }

        return report.ToString();
    }

    private static string Ratio(double value, double baseline) => string.Create(CultureInfo.InvariantCulture, $" {value / baseline:F2}× |");
}

using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text;
using EFCore.DynamoDb.Benchmarks.Systems;

namespace EFCore.DynamoDb.Benchmarks;

/// <summary>
///     Which types each system allocates per operation, to find what to cut: the runtime's allocation ticks (one per
///     ~100 KB allocated, naming the type of the object that crossed the mark) summed by type while one system runs one
///     operation many times on its own, after a warm-up. A sample, not a count: types of a few bytes per operation are
///     seen only over many rounds. The steady-state figures stay the ones to quote.
/// </summary>
internal static class AllocationProfile
{
    private const int WarmupRounds = 50;
    private const int TypesShown = 20;

    public static async Task<string> RunAsync(IReadOnlyList<BenchSystem> systems, BenchArguments arguments)
    {
        var report = new StringBuilder();
        foreach (var operation in arguments.Operations)
        {
            foreach (var system in systems.Where(operation.AppliesTo))
            {
                for (var i = 0; i < WarmupRounds; i++)
                {
                    await operation.Run(system);
                }

                using var listener = new AllocationTickListener();
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                for (var i = 0; i < arguments.MeasuredRounds; i++)
                {
                    await operation.Run(system);
                }

                allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

                // The listener's events arrive on a thread of their own, a little after they happen.
                await Task.Delay(TimeSpan.FromSeconds(2));
                Append(report, operation, system, listener.BytesByType(), allocated, arguments.MeasuredRounds);
            }
        }

        return report.ToString();
    }

    private static void Append(
        StringBuilder report,
        BenchOperation operation,
        BenchSystem system,
        IReadOnlyDictionary<string, long> bytesByType,
        long allocated,
        int rounds)
    {
        var sampled = Math.Max(1, bytesByType.Values.Sum());
        report.AppendLine(CultureInfo.InvariantCulture, $"{operation.Name}, {system.Name}: {allocated / 1024.0 / rounds:F1} KB per operation");
        foreach (var (type, bytes) in bytesByType.OrderByDescending(pair => pair.Value).Take(TypesShown))
        {
            // Each type's share of the sampled bytes, applied to what was allocated.
            report.AppendLine(CultureInfo.InvariantCulture, $"    {allocated * (double)bytes / sampled / 1024.0 / rounds,7:F2} KB  {type}");
        }

        report.AppendLine();
    }

    private sealed class AllocationTickListener : EventListener
    {
        private const int AllocationTickEventId = 10;
        private const EventKeywords GcKeyword = (EventKeywords)0x1;
        private readonly Dictionary<string, long> _bytesByType = [];

        public Dictionary<string, long> BytesByType()
        {
            lock (_bytesByType)
            {
                return new Dictionary<string, long>(_bytesByType);
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventId != AllocationTickEventId || eventData.PayloadNames is not { } names)
            {
                return;
            }

            var type = eventData.Payload![names.IndexOf("TypeName")] as string ?? "?";
            var bytes = Convert.ToInt64(eventData.Payload[names.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
            lock (_bytesByType)
            {
                _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + bytes;
            }
        }
    }
}

using System.Diagnostics;
using System.Runtime.InteropServices;

namespace EFCore.DynamoDb.Benchmarks;

/// <summary>
///     The CPU time of the whole process (every thread). On Linux from <c>clock_gettime(CLOCK_PROCESS_CPUTIME_ID)</c>, precise to
///     the nanosecond; <see cref="Process.TotalProcessorTime" /> there is counted in 10 ms ticks, too coarse for one operation.
/// </summary>
internal static partial class ProcessCpu
{
    private const int ClockProcessCpuTimeId = 2;

    public static long Nanoseconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockProcessCpuTimeId, out var time) == 0)
        {
            return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
        }

        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.Ticks * 100;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out Timespec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}

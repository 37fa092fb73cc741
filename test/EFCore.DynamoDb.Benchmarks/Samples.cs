namespace EFCore.DynamoDb.Benchmarks;

/// <summary>What one run of an operation cost the client: process CPU, wall time and bytes allocated on every thread.</summary>
internal readonly record struct Sample(long CpuNanoseconds, long WallNanoseconds, long AllocatedBytes);

/// <summary>The samples of one operation in one system, summarised by their medians.</summary>
internal sealed class Samples
{
    private readonly List<Sample> _samples = [];

    public int Count => _samples.Count;

    public void Add(Sample sample) => _samples.Add(sample);

    public double MedianCpuMicroseconds => Median(s => s.CpuNanoseconds) / 1000;

    public double MedianWallMicroseconds => Median(s => s.WallNanoseconds) / 1000;

    public double MedianAllocatedKilobytes => Median(s => s.AllocatedBytes) / 1024;

    private double Median(Func<Sample, long> value) => Statistics.Median(_samples.Select(s => (double)value(s)));
}

internal static class Statistics
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

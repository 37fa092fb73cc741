namespace EFCore.DynamoDb.Benchmarks;

/// <summary>What one run of an operation cost the client: process CPU, wall time and bytes allocated on every thread.</summary>
internal readonly record struct Sample(long CpuNanoseconds, long WallNanoseconds, long AllocatedBytes);

/// <summary>The samples of one operation in one system, summarised by their medians (and quartiles, for the spread).</summary>
internal sealed class Samples
{
    private readonly List<Sample> _samples = [];

    public void Add(Sample sample) => _samples.Add(sample);

    public double MedianCpuMicroseconds => CpuMicroseconds(0.5);

    public double CpuMicroseconds(double quantile) => Statistics.Quantile(_samples.Select(s => (double)s.CpuNanoseconds), quantile) / 1000;

    public double MedianWallMicroseconds => Statistics.Median(_samples.Select(s => (double)s.WallNanoseconds)) / 1000;

    public double MedianAllocatedKilobytes => Statistics.Median(_samples.Select(s => (double)s.AllocatedBytes)) / 1024;
}

internal static class Statistics
{
    public static double Median(IEnumerable<double> values) => Quantile(values, 0.5);

    /// <summary>The value below which <paramref name="quantile" /> of the values lie, interpolated between the two nearest.</summary>
    public static double Quantile(IEnumerable<double> values, double quantile)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var position = quantile * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}

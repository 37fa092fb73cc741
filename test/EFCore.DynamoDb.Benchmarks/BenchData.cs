using System.Globalization;

namespace EFCore.DynamoDb.Benchmarks;

/// <summary>The items every system reads and writes: the same keys and values for all of them.</summary>
internal static class BenchData
{
    public const string TablePrefix = "bench-";
    public const string TableName = "Scores";
    public const string PrefixedTableName = TablePrefix + TableName;

    /// <summary>The partition the queries read: <see cref="PartitionSize" /> items.</summary>
    public const string QueryUser = "reader";

    public const int PartitionSize = 100;

    /// <summary>The partitions the inserts (over)write, 100 items each time.</summary>
    public const string BatchUser = "batched";

    public const string TransactionUser = "transaction";

    public static readonly string[] Titles = Enumerable.Range(0, PartitionSize).Select(i => $"title-{i:D3}").ToArray();

    /// <summary>The item Find reads; nothing changes it.</summary>
    public static readonly string FoundTitle = Titles[42];

    public const int FoundTopScore = 42 * 10;

    /// <summary>The 10 keys loaded by key list; the first one's <see cref="Score.TopScore" /> is changed and saved.</summary>
    public static readonly string[] KeyList = Enumerable.Range(0, 10).Select(i => Titles[(i * 10) + 5]).ToArray();

    /// <summary>The item ExecuteUpdate increments the wins of.</summary>
    public static readonly string UpdatedTitle = Titles[77];

    public static Score NewScore(string userId, int i)
        => new() { UserId = userId, Title = Titles[i], TopScore = i * 10, Wins = i % 7, Country = Countries[i % Countries.Length] };

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static readonly string[] Countries = ["fr", "de", "us", "jp", "br"];
}

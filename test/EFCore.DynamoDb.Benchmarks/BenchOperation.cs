using EFCore.DynamoDb.Benchmarks.Systems;

namespace EFCore.DynamoDb.Benchmarks;

/// <summary>An operation every system performs, with the requests it must take and the figure it must return.</summary>
internal sealed record BenchOperation(string Name, int Requests, int Result, Func<BenchSystem, Task<int>> Run)
{
    public bool IsExecuteUpdate { get; private init; }

    public static IReadOnlyList<BenchOperation> All { get; } =
    [
        new("FindAsync", 1, BenchData.FoundTopScore, s => s.FindAsync()),
        new("Where(pk == …) 100 items, no tracking", 1, BenchData.PartitionSize, s => s.QueryAsync(tracked: false)),
        new("the same, tracked", 1, BenchData.PartitionSize, s => s.QueryAsync(tracked: true)),
        new("the same, untracked, compiled query", 1, BenchData.PartitionSize, s => s.QueryCompiledAsync()),
        new("projection of 2 attributes, 100 items", 1, BenchData.PartitionSize, s => s.QueryProjectionAsync()),
        new("100 inserts batched (Never, Overwrite)", 4, BenchData.PartitionSize, s => s.InsertBatchedAsync()),
        new("100 inserts in one transaction", 1, BenchData.PartitionSize, s => s.InsertInTransactionAsync()),
        new("load 10 by key list, change one, save", 2, BenchData.KeyList.Length, s => s.LoadChangeSaveAsync()),
        new("ExecuteUpdate by key", 1, 1, s => s.ExecuteUpdateAsync()) { IsExecuteUpdate = true },
    ];

    public bool AppliesTo(BenchSystem system) => !IsExecuteUpdate || system.HasExecuteUpdate;
}

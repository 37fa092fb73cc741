using EFCore.DynamoDb.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Benchmarks.Systems;

/// <summary>
///     The provider, with a context from <paramref name="factory" /> per operation: a new one, or one leased from a pool.
///     The options use <see cref="ConflictMode.Overwrite" />, so its writes are as unconditional as the other systems'.
/// </summary>
internal sealed class ProviderSystem(string name, IDbContextFactory<BenchContext> factory) : BenchSystem(name)
{
    public override async Task<int> FindAsync()
    {
        await using var db = factory.CreateDbContext();
        return (await db.Scores.FindAsync(BenchData.QueryUser, BenchData.FoundTitle))!.TopScore;
    }

    public override async Task<int> QueryAsync(bool tracked)
    {
        await using var db = factory.CreateDbContext();
        var scores = tracked ? db.Scores : db.Scores.AsNoTracking();
        return (await scores.Where(s => s.UserId == BenchData.QueryUser).ToListAsync()).Count;
    }

    // Compiled once: each execution skips the parameter extraction and the query cache's lookup.
    private static readonly Func<BenchContext, string, IAsyncEnumerable<Score>> PartitionQuery
        = EF.CompileAsyncQuery((BenchContext db, string userId) => db.Scores.AsNoTracking().Where(s => s.UserId == userId));

    public override async Task<int> QueryCompiledAsync()
    {
        await using var db = factory.CreateDbContext();
        var count = 0;
        await foreach (var _ in PartitionQuery(db, BenchData.QueryUser))
        {
            count++;
        }

        return count;
    }

    public override async Task<int> QueryProjectionAsync()
    {
        await using var db = factory.CreateDbContext();
        var rows = await db.Scores.Where(s => s.UserId == BenchData.QueryUser).Select(s => new { s.Title, s.TopScore }).ToListAsync();
        return rows.Count;
    }

    public override async Task<int> InsertBatchedAsync()
    {
        await using var db = factory.CreateDbContext();
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        return await InsertAsync(db, BenchData.BatchUser);
    }

    public override async Task<int> InsertInTransactionAsync()
    {
        await using var db = factory.CreateDbContext();
        return await InsertAsync(db, BenchData.TransactionUser);
    }

    public override async Task<int> LoadChangeSaveAsync()
    {
        await using var db = factory.CreateDbContext();
        var keys = BenchData.KeyList;
        var scores = await db.Scores.Where(s => s.UserId == BenchData.QueryUser && keys.Contains(s.Title)).ToListAsync();
        scores.Single(s => s.Title == BenchData.KeyList[0]).TopScore++;
        await db.SaveChangesAsync();
        return scores.Count;
    }

    public override async Task<int> ExecuteUpdateAsync()
    {
        await using var db = factory.CreateDbContext();
        return await db.Scores
            .Where(s => s.UserId == BenchData.QueryUser && s.Title == BenchData.UpdatedTitle)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Wins, s => s.Wins + 1));
    }

    private static async Task<int> InsertAsync(BenchContext db, string userId)
    {
        for (var i = 0; i < BenchData.PartitionSize; i++)
        {
            db.Scores.Add(BenchData.NewScore(userId, i));
        }

        return await db.SaveChangesAsync();
    }
}

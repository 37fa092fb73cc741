using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.DocumentModel;

namespace EFCore.DynamoDb.Benchmarks.Systems;

/// <summary>
///     AWS's object persistence model, <see cref="DynamoDBContext" />, one long-lived context as AWS recommends. It has no
///     change tracking (the tracked query is the same code) and no set-based update (no ExecuteUpdate).
/// </summary>
internal sealed class SdkContextSystem(IDynamoDBContext context) : BenchSystem("DynamoDBContext")
{
    public override bool HasExecuteUpdate => false;

    public override async Task<int> FindAsync()
        => (await context.LoadAsync<SdkScore>(BenchData.QueryUser, BenchData.FoundTitle)).TopScore;

    public override async Task<int> QueryAsync(bool tracked)
        => (await context.QueryAsync<SdkScore>(BenchData.QueryUser).GetRemainingAsync()).Count;

    public override async Task<int> QueryProjectionAsync()
    {
        var query = context.FromQueryAsync<SdkScore>(new QueryOperationConfig
        {
            Filter = new QueryFilter(nameof(SdkScore.UserId), QueryOperator.Equal, BenchData.QueryUser),
            Select = SelectValues.SpecificAttributes,
            AttributesToGet = [nameof(SdkScore.Title), nameof(SdkScore.TopScore)]
        });
        var rows = (await query.GetRemainingAsync()).Select(s => (s.Title, s.TopScore)).ToList();
        return rows.Count;
    }

    public override async Task<int> InsertBatchedAsync()
    {
        var scores = NewScores(BenchData.BatchUser);
        var batch = context.CreateBatchWrite<SdkScore>();
        batch.AddPutItems(scores);
        await batch.ExecuteAsync();
        return scores.Count;
    }

    public override async Task<int> InsertInTransactionAsync()
    {
        var scores = NewScores(BenchData.TransactionUser);
        var transaction = context.CreateTransactWrite<SdkScore>();
        transaction.AddSaveItems(scores);
        await transaction.ExecuteAsync();
        return scores.Count;
    }

    public override async Task<int> LoadChangeSaveAsync()
    {
        var batch = context.CreateBatchGet<SdkScore>();
        foreach (var title in BenchData.KeyList)
        {
            batch.AddKey(BenchData.QueryUser, title);
        }

        await batch.ExecuteAsync();
        var changed = batch.Results.Single(s => s.Title == BenchData.KeyList[0]);
        changed.TopScore++;
        await context.SaveAsync(changed);
        return batch.Results.Count;
    }

    public override Task<int> ExecuteUpdateAsync() => throw new NotSupportedException();

    private static List<SdkScore> NewScores(string userId)
        => Enumerable.Range(0, BenchData.PartitionSize)
            .Select(i => BenchData.NewScore(userId, i))
            .Select(s => new SdkScore { UserId = s.UserId, Title = s.Title, TopScore = s.TopScore, Wins = s.Wins, Country = s.Country })
            .ToList();
}

using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Benchmarks.Systems;

/// <summary>Hand-written AWS SDK code: the minimal requests, mapped to and from <see cref="Score" /> by hand.</summary>
internal sealed class RawSdkSystem(IAmazonDynamoDB client) : BenchSystem("raw SDK")
{
    private const string Table = BenchData.PrefixedTableName;

    public override async Task<int> FindAsync()
    {
        var response = await client.GetItemAsync(new GetItemRequest { TableName = Table, Key = Key(BenchData.QueryUser, BenchData.FoundTitle) });
        return ToScore(response.Item).TopScore;
    }

    public override async Task<int> QueryAsync(bool tracked) => (await ReadPartitionAsync(titleAndTopScoreOnly: false, ToScore)).Count;

    public override async Task<int> QueryProjectionAsync()
    {
        var rows = await ReadPartitionAsync(
            titleAndTopScoreOnly: true, i => (Title: i["Title"].S, TopScore: int.Parse(i["TopScore"].N, CultureInfo.InvariantCulture)));
        return rows.Count;
    }

    public override Task<int> InsertBatchedAsync() => WriteBatchedAsync(BenchData.BatchUser);

    /// <summary>Writes the partition the reads use.</summary>
    public Task<int> SeedAsync() => WriteBatchedAsync(BenchData.QueryUser);

    private async Task<int> WriteBatchedAsync(string userId)
    {
        var puts = Enumerable.Range(0, BenchData.PartitionSize)
            .Select(i => new WriteRequest(new PutRequest(ToItem(BenchData.NewScore(userId, i)))))
            .ToList();
        foreach (var chunk in puts.Chunk(25))
        {
            var pending = new Dictionary<string, List<WriteRequest>> { [Table] = [.. chunk] };
            while (pending.Count > 0)
            {
                var response = await client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending });
                pending = response.UnprocessedItems ?? [];
            }
        }

        return puts.Count;
    }

    public override async Task<int> InsertInTransactionAsync()
    {
        var items = Enumerable.Range(0, BenchData.PartitionSize)
            .Select(i => new TransactWriteItem { Put = new Put { TableName = Table, Item = ToItem(BenchData.NewScore(BenchData.TransactionUser, i)) } })
            .ToList();
        await client.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = items });
        return items.Count;
    }

    public override async Task<int> LoadChangeSaveAsync()
    {
        var keys = new KeysAndAttributes { Keys = BenchData.KeyList.Select(t => Key(BenchData.QueryUser, t)).ToList() };
        var response = await client.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = new() { [Table] = keys } });
        var scores = response.Responses[Table].Select(ToScore).ToList();
        var changed = scores.Single(s => s.Title == BenchData.KeyList[0]);
        changed.TopScore++;
        await client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Table,
            Key = Key(changed.UserId, changed.Title),
            UpdateExpression = "SET #s = :s",
            ExpressionAttributeNames = new() { ["#s"] = "TopScore" },
            ExpressionAttributeValues = new() { [":s"] = new AttributeValue { N = BenchData.Number(changed.TopScore) } }
        });
        return scores.Count;
    }

    public override async Task<int> ExecuteUpdateAsync()
    {
        try
        {
            await client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = Table,
                Key = Key(BenchData.QueryUser, BenchData.UpdatedTitle),
                UpdateExpression = "SET #w = #w + :one",
                ConditionExpression = "attribute_exists(#u)",
                ExpressionAttributeNames = new() { ["#w"] = "Wins", ["#u"] = "UserId" },
                ExpressionAttributeValues = new() { [":one"] = new AttributeValue { N = "1" } }
            });
            return 1;
        }
        catch (ConditionalCheckFailedException)
        {
            return 0;
        }
    }

    /// <summary>Queries the read partition page by page, mapping each item.</summary>
    private async Task<List<T>> ReadPartitionAsync<T>(bool titleAndTopScoreOnly, Func<Dictionary<string, AttributeValue>, T> map)
    {
        var rows = new List<T>();
        var request = new QueryRequest
        {
            TableName = Table,
            KeyConditionExpression = "#u = :u",
            ExpressionAttributeNames = new() { ["#u"] = "UserId" },
            ExpressionAttributeValues = new() { [":u"] = new AttributeValue { S = BenchData.QueryUser } }
        };
        if (titleAndTopScoreOnly)
        {
            request.ProjectionExpression = "#t, #s";
            request.ExpressionAttributeNames["#t"] = "Title";
            request.ExpressionAttributeNames["#s"] = "TopScore";
        }

        do
        {
            var response = await client.QueryAsync(request);
            rows.EnsureCapacity(rows.Count + response.Items.Count);
            rows.AddRange(response.Items.Select(map));
            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey != null);

        return rows;
    }

    private static Dictionary<string, AttributeValue> Key(string userId, string title)
        => new() { ["UserId"] = new AttributeValue { S = userId }, ["Title"] = new AttributeValue { S = title } };

    private static Dictionary<string, AttributeValue> ToItem(Score score)
        => new()
        {
            ["UserId"] = new AttributeValue { S = score.UserId },
            ["Title"] = new AttributeValue { S = score.Title },
            ["TopScore"] = new AttributeValue { N = BenchData.Number(score.TopScore) },
            ["Wins"] = new AttributeValue { N = BenchData.Number(score.Wins) },
            ["Country"] = new AttributeValue { S = score.Country }
        };

    public static Score ToScore(Dictionary<string, AttributeValue> item)
        => new()
        {
            UserId = item["UserId"].S,
            Title = item["Title"].S,
            TopScore = int.Parse(item["TopScore"].N, CultureInfo.InvariantCulture),
            Wins = int.Parse(item["Wins"].N, CultureInfo.InvariantCulture),
            Country = item["Country"].S
        };
}

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

    public override async Task<int> QueryAsync(bool tracked)
    {
        var scores = new List<Score>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var response = await client.QueryAsync(PartitionQuery(startKey));
            scores.AddRange(response.Items.Select(ToScore));
            startKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (startKey != null);

        return scores.Count;
    }

    public override async Task<int> QueryProjectionAsync()
    {
        var request = PartitionQuery(null);
        request.ProjectionExpression = "#t, #s";
        request.ExpressionAttributeNames["#t"] = "Title";
        request.ExpressionAttributeNames["#s"] = "TopScore";
        var response = await client.QueryAsync(request);
        var rows = response.Items.Select(i => (Title: i["Title"].S, TopScore: int.Parse(i["TopScore"].N, System.Globalization.CultureInfo.InvariantCulture))).ToList();
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

    private static QueryRequest PartitionQuery(Dictionary<string, AttributeValue>? startKey)
        => new()
        {
            TableName = Table,
            KeyConditionExpression = "#u = :u",
            ExpressionAttributeNames = new() { ["#u"] = "UserId" },
            ExpressionAttributeValues = new() { [":u"] = new AttributeValue { S = BenchData.QueryUser } },
            ExclusiveStartKey = startKey
        };

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
            TopScore = int.Parse(item["TopScore"].N, System.Globalization.CultureInfo.InvariantCulture),
            Wins = int.Parse(item["Wins"].N, System.Globalization.CultureInfo.InvariantCulture),
            Country = item["Country"].S
        };
}

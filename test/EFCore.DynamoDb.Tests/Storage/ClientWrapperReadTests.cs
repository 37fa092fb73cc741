using System.Reflection;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EFCore.DynamoDb.Tests.Storage;

/// <summary>The client wrapper reads a command page by page: it says what reads the next page, from DynamoDB's answer.</summary>
public class ClientWrapperReadTests
{
    [Fact]
    public async Task A_BatchGetItem_reads_100_keys_a_page_and_hands_on_the_keys_left()
    {
        using var context = CreateContext(out var client);
        var wrapper = context.GetService<IDynamoClientWrapper>();
        DynamoReadCommand? next = new DynamoReadCommand(DynamoReadOperation.BatchGetItem, "Scores")
        {
            Keys = Enumerable.Range(0, 250).Select(i => new Dictionary<string, AttributeValue> { ["UserId"] = new() { S = "u" + i } }).ToList()
        };

        var read = new List<int>();
        while (next != null)
        {
            var page = await wrapper.ReadAsync(next, CancellationToken.None);
            read.Add(page.Items.Count);
            next = page.Next;
        }

        Assert.Equal([100, 100, 50], read);
        Assert.Equal([100, 100, 50], client.Requests.OfType<BatchGetItemRequest>().Select(r => r.RequestItems["Scores"].Keys.Count));
    }

    [Fact]
    public async Task A_Query_page_resumes_after_the_last_evaluated_key_until_there_is_none()
    {
        using var context = CreateContext(out var client);
        var wrapper = context.GetService<IDynamoClientWrapper>();
        var command = new DynamoReadCommand(DynamoReadOperation.Query, "Scores") { KeyCondition = "#n0 = :v0", Limit = 5 };

        var first = await wrapper.ReadAsync(command, CancellationToken.None);
        var second = await wrapper.ReadAsync(first.Next!, CancellationToken.None);

        Assert.Equal("last", first.Next!.StartKey!["UserId"].S);
        Assert.Null(second.Next);
        var requests = client.Requests.OfType<QueryRequest>().ToList();
        Assert.Null(requests[0].ExclusiveStartKey);
        Assert.Equal("last", requests[1].ExclusiveStartKey["UserId"].S);
        Assert.All(requests, r => Assert.Equal(ReturnConsumedCapacity.TOTAL, r.ReturnConsumedCapacity));
    }

    // The wrapper sends to the application's client when UseDynamoDb names no connection settings.
    private static DbContext CreateContext(out FakeClient client)
    {
        var proxy = DispatchProxy.Create<IAmazonDynamoDB, FakeClient>();
        client = (FakeClient)(object)proxy;
        var services = new ServiceCollection().AddSingleton(proxy).BuildServiceProvider();
        return new DbContext(new DbContextOptionsBuilder().UseDynamoDb().UseApplicationServiceProvider(services).Options);
    }

    // Answers a BatchGetItem with an item per key, and a first Query with a last evaluated key.
    public class FakeClient : DispatchProxy
    {
        public List<AmazonDynamoDBRequest> Requests { get; } = [];

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            switch (args?[0])
            {
                case BatchGetItemRequest batch:
                    Requests.Add(batch);
                    return Task.FromResult(
                        new BatchGetItemResponse { Responses = batch.RequestItems.ToDictionary(p => p.Key, p => p.Value.Keys), UnprocessedKeys = [] });
                case QueryRequest query:
                    Requests.Add(query);
                    return Task.FromResult(
                        new QueryResponse
                        {
                            Items = [],
                            Count = 0,
                            ScannedCount = 0,
                            LastEvaluatedKey = Requests.Count == 1 ? new() { ["UserId"] = new AttributeValue { S = "last" } } : null
                        });
                default:
                    throw new NotSupportedException(targetMethod!.Name);
            }
        }
    }
}

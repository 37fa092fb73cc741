using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Tests.Storage;

/// <summary>How a neutral read command becomes the AWS SDK's request, and how a BatchGetItem's unprocessed keys are read.</summary>
public class ReadRequestTests
{
    private static readonly Dictionary<string, string> Names = new() { ["#n0"] = "UserId", ["#n1"] = "Wins" };
    private static readonly Dictionary<string, AttributeValue> Values = new() { [":v0"] = new() { S = "u" }, [":v1"] = new() { N = "3" } };

    [Fact]
    public void A_Query_command_maps_to_a_QueryRequest()
    {
        var startKey = new Dictionary<string, AttributeValue> { ["UserId"] = new() { S = "u" } };
        var request = DynamoReadRequests.ToQueryRequest(
            new DynamoReadCommand(DynamoReadOperation.Query, "Scores")
            {
                IndexName = "ByWins",
                KeyCondition = "#n0 = :v0",
                Filter = "#n1 > :v1",
                CountOnly = true,
                ScanForward = false,
                ConsistentRead = true,
                Limit = 7,
                StartKey = startKey,
                Names = Names,
                Values = Values
            });

        Assert.Equal("Scores", request.TableName);
        Assert.Equal("ByWins", request.IndexName);
        Assert.Equal("#n0 = :v0", request.KeyConditionExpression);
        Assert.Equal("#n1 > :v1", request.FilterExpression);
        Assert.Equal(Select.COUNT, request.Select);
        Assert.False(request.ScanIndexForward);
        Assert.True(request.ConsistentRead);
        Assert.Equal(7, request.Limit);
        Assert.Same(startKey, request.ExclusiveStartKey);
        Assert.Same(Names, request.ExpressionAttributeNames);
        Assert.Same(Values, request.ExpressionAttributeValues);
    }

    [Fact]
    public void Defaults_are_left_unset_on_the_request()
    {
        var request = DynamoReadRequests.ToScanRequest(new DynamoReadCommand(DynamoReadOperation.Scan, "Scores"));

        Assert.Null(request.Select);
        Assert.Null(request.ConsistentRead);
        Assert.Null(request.Limit);
        Assert.Null(request.Segment);
        Assert.Null(request.TotalSegments);
        Assert.Equal("Scan Scores", DescribeHead(new DynamoReadCommand(DynamoReadOperation.Scan, "Scores")));
    }

    [Fact]
    public void A_parallel_scan_segment_maps_to_Segment_and_TotalSegments()
    {
        var request = DynamoReadRequests.ToScanRequest(new DynamoReadCommand(DynamoReadOperation.Scan, "Scores") { Segment = (2, 4) });

        Assert.Equal(2, request.Segment);
        Assert.Equal(4, request.TotalSegments);
    }

    [Fact]
    public void A_BatchGetItem_is_described_by_its_first_100_keys()
    {
        var keys = Enumerable.Range(0, 250).Select(i => new Dictionary<string, AttributeValue> { ["UserId"] = new() { S = "u" + i } }).ToList();
        var command = new DynamoReadCommand(DynamoReadOperation.BatchGetItem, "Scores") { Keys = keys, ConsistentRead = true };

        var request = DynamoReadRequests.ToBatchGetItemRequest(command, DynamoReadRequests.FirstBatch(command));

        Assert.Equal(100, request.RequestItems["Scores"].Keys.Count);
        Assert.True(request.RequestItems["Scores"].ConsistentRead);
        Assert.Equal("Keys: 100; ConsistentRead: true", DynamoReadRequests.Describe(command).Expressions);
    }

    private static string DescribeHead(DynamoReadCommand command)
    {
        var description = DynamoReadRequests.Describe(command);
        return description.Operation + " " + description.TableName;
    }
}

using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Tests.Query;

/// <summary>A continuation token is bound to its query by a fingerprint that must not change between versions.</summary>
public class ContinuationTokenTests
{
    private static readonly DynamoReadCommand FirstPage = new(DynamoReadOperation.Query, "Scores")
    {
        IndexName = "ByTitle",
        KeyCondition = "#n0 = :v0",
        Names = new() { ["#n0"] = "UserId" },
        Values = new() { [":v0"] = new AttributeValue { S = "u" } }
    };

    [Fact]
    public void The_fingerprint_is_operation_table_index_expressions_and_values_of_the_first_page()
        => Assert.Equal(
            "Query\nScores\nByTitle\nKeyCondition: #n0 = :v0; Names: #n0=UserId\n:v0=S:\"u\"",
            DynamoContinuationToken.Fingerprint(DynamoReadRequests.Describe(FirstPage)));

    [Fact]
    public void Page_limits_and_the_resume_key_do_not_change_the_fingerprint()
    {
        var resumed = FirstPage with { Limit = 10, StartKey = new() { ["UserId"] = new AttributeValue { S = "u" } } };

        Assert.NotEqual(DynamoReadRequests.Describe(FirstPage).Expressions, DynamoReadRequests.Describe(resumed).Expressions);
        var token = DynamoContinuationToken.Encode(
            new() { ["UserId"] = new AttributeValue { S = "u" } }, DynamoContinuationToken.Fingerprint(DynamoReadRequests.Describe(FirstPage)));
        Assert.Equal("u", DynamoContinuationToken.Decode(token, DynamoContinuationToken.Fingerprint(DynamoReadRequests.Describe(FirstPage)))["UserId"].S);
    }

    [Fact]
    public void A_token_of_another_query_is_refused()
    {
        var token = DynamoContinuationToken.Encode(
            new() { ["UserId"] = new AttributeValue { S = "u" } }, DynamoContinuationToken.Fingerprint(DynamoReadRequests.Describe(FirstPage)));
        var other = FirstPage with { Values = new() { [":v0"] = new AttributeValue { S = "other" } } };

        Assert.Throws<InvalidOperationException>(() => DynamoContinuationToken.Decode(token, DynamoContinuationToken.Fingerprint(DynamoReadRequests.Describe(other))));
    }
}

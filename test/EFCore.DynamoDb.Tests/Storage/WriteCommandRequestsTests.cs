using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Tests.Storage;

/// <summary>How a write command becomes the SDK's request: alone, in a transaction, in a batch.</summary>
public class WriteCommandRequestsTests
{
    private static readonly Dictionary<string, AttributeValue> Key = new() { ["Id"] = new AttributeValue { S = "1" } };

    private static DynamoWriteCommand Command(DynamoWriteCommandKind kind)
        => new(kind, "Items", Key)
        {
            Item = kind == DynamoWriteCommandKind.Put ? new Dictionary<string, AttributeValue>(Key) { ["N"] = new() { N = "2" } } : null,
            UpdateExpression = kind == DynamoWriteCommandKind.Update ? "SET #n0 = :v0" : null,
            ConditionExpression = "attribute_exists(#n1)",
            Names = new Dictionary<string, string> { ["#n0"] = "N", ["#n1"] = "Id" },
            Values = new Dictionary<string, AttributeValue> { [":v0"] = new() { N = "3" } }
        };

    [Fact]
    public void A_write_alone_carries_its_expressions_and_asks_for_values_only_when_told()
    {
        var plain = DynamoWriteCommandRequests.ToUpdateItemRequest(Command(DynamoWriteCommandKind.Update));
        var asking = DynamoWriteCommandRequests.ToUpdateItemRequest(
            Command(DynamoWriteCommandKind.Update) with { ReturnUpdatedAttributes = true, ReturnStoredItemOnConditionFailure = true });

        Assert.Equal(("Items", "SET #n0 = :v0", "attribute_exists(#n1)"), (plain.TableName, plain.UpdateExpression, plain.ConditionExpression));
        Assert.Same(Key, plain.Key);
        Assert.Null(plain.ReturnValues);
        Assert.Null(plain.ReturnValuesOnConditionCheckFailure);
        Assert.Equal(ReturnValue.UPDATED_NEW, asking.ReturnValues);
        Assert.Equal(ReturnValuesOnConditionCheckFailure.ALL_OLD, asking.ReturnValuesOnConditionCheckFailure);
        Assert.Equal(
            ReturnValuesOnConditionCheckFailure.ALL_OLD,
            DynamoWriteCommandRequests.ToPutItemRequest(Command(DynamoWriteCommandKind.Put) with { ReturnStoredItemOnConditionFailure = true })
                .ReturnValuesOnConditionCheckFailure);
        Assert.Equal(
            "attribute_exists(#n1)", DynamoWriteCommandRequests.ToDeleteItemRequest(Command(DynamoWriteCommandKind.Delete)).ConditionExpression);
    }

    [Fact]
    public void A_batch_holds_its_puts_and_deletes_by_table_in_order()
    {
        var put = Command(DynamoWriteCommandKind.Put);
        var delete = Command(DynamoWriteCommandKind.Delete) with { ConditionExpression = null };
        var other = put with { TableName = "Other" };

        var requests = DynamoWriteCommandRequests.ToBatchWriteItems([put, other, delete]);

        Assert.Equal(["Items", "Other"], requests.Keys);
        Assert.Equal(3, DynamoWriteCommandRequests.CountWriteRequests(requests));
        Assert.Same(put.Item, requests["Items"][0].PutRequest.Item);
        Assert.Same(Key, requests["Items"][1].DeleteRequest.Key);
        Assert.Same(other.Item, requests["Other"][0].PutRequest.Item);
    }

    [Fact]
    public void A_condition_check_alone_is_an_update_without_actions()
    {
        var request = DynamoWriteCommandRequests.ToUpdateItemRequest(Command(DynamoWriteCommandKind.ConditionCheck));

        Assert.Null(request.UpdateExpression);
        Assert.Equal("attribute_exists(#n1)", request.ConditionExpression);
    }

    [Fact]
    public void A_transaction_holds_one_item_per_command_in_order_under_the_token()
    {
        var request = DynamoWriteCommandRequests.ToTransactWriteItemsRequest(
            [
                Command(DynamoWriteCommandKind.Put), Command(DynamoWriteCommandKind.Update), Command(DynamoWriteCommandKind.ConditionCheck),
                Command(DynamoWriteCommandKind.Delete)
            ],
            "token");

        Assert.Equal("token", request.ClientRequestToken);
        Assert.Collection(
            request.TransactItems,
            i => Assert.Equal("attribute_exists(#n1)", i.Put.ConditionExpression),
            i => Assert.Equal("SET #n0 = :v0", i.Update.UpdateExpression),
            i => Assert.Same(Key, i.ConditionCheck.Key),
            i => Assert.Equal("Items", i.Delete.TableName));
    }

    [Fact]
    public void A_batch_puts_whole_items_and_deletes_keys_and_takes_nothing_else()
    {
        Assert.Equal("2", DynamoWriteCommandRequests.ToWriteRequest(Command(DynamoWriteCommandKind.Put)).PutRequest.Item["N"].N);
        Assert.Same(Key, DynamoWriteCommandRequests.ToWriteRequest(Command(DynamoWriteCommandKind.Delete)).DeleteRequest.Key);
        Assert.Throws<ArgumentException>(() => DynamoWriteCommandRequests.ToWriteRequest(Command(DynamoWriteCommandKind.Update)));
    }

    [Fact]
    public void A_read_back_reads_the_named_attributes_consistently_through_placeholders()
    {
        var request = DynamoWriteCommandRequests.ToReadBackRequest("Items", Key, ["Wins", "Tags"]);

        Assert.True(request.ConsistentRead);
        Assert.Equal("#r0, #r1", request.ProjectionExpression);
        Assert.Equal(new Dictionary<string, string> { ["#r0"] = "Wins", ["#r1"] = "Tags" }, request.ExpressionAttributeNames);
    }
}

using System.Text;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Describes a request for the log and for <c>ToQueryString()</c>: its expressions and placeholder names,
///     never a value (values are carried separately, for sensitive-data logging only).
/// </summary>
public static class DynamoRequestDescriber
{
    /// <summary>Describes a <c>GetItem</c>: its key and projection.</summary>
    public static DynamoRequestDescription Describe(GetItemRequest request)
        => new(
            "GetItem",
            request.TableName,
            null,
            Join(
                ("Key", string.Join(", ", request.Key.Keys)),
                ("Projection", request.ProjectionExpression),
                ("ConsistentRead", request.ConsistentRead == true ? "true" : null),
                ("Names", FormatNames(request.ExpressionAttributeNames))),
            request.Key);

    /// <summary>Describes a <c>Query</c>: its index, key condition, filter, projection, limit and direction.</summary>
    public static DynamoRequestDescription Describe(QueryRequest request)
        => new(
            "Query",
            request.TableName,
            request.IndexName,
            Join(
                ("KeyCondition", request.KeyConditionExpression),
                ("Filter", request.FilterExpression),
                ("Projection", request.ProjectionExpression),
                ("Select", request.Select?.Value),
                ("Limit", request.Limit?.ToString(CultureInfo.InvariantCulture)),
                ("ScanIndexForward", request.ScanIndexForward == false ? "false" : null),
                ("ConsistentRead", request.ConsistentRead == true ? "true" : null),
                ("ExclusiveStartKey", request.ExclusiveStartKey is { Count: > 0 } ? "set" : null),
                ("Names", FormatNames(request.ExpressionAttributeNames))),
            request.ExpressionAttributeValues);

    /// <summary>Describes a <c>Scan</c>: its index, filter, projection, limit and segment.</summary>
    public static DynamoRequestDescription Describe(ScanRequest request)
        => new(
            "Scan",
            request.TableName,
            request.IndexName,
            Join(
                ("Filter", request.FilterExpression),
                ("Projection", request.ProjectionExpression),
                ("Select", request.Select?.Value),
                ("Limit", request.Limit?.ToString(CultureInfo.InvariantCulture)),
                ("ConsistentRead", request.ConsistentRead == true ? "true" : null),
                ("Segment", request.Segment == null ? null : request.Segment + "/" + request.TotalSegments),
                ("ExclusiveStartKey", request.ExclusiveStartKey is { Count: > 0 } ? "set" : null),
                ("Names", FormatNames(request.ExpressionAttributeNames))),
            request.ExpressionAttributeValues);

    /// <summary>
    ///     Describes an <c>ExecuteStatement</c> on <paramref name="tableName" />: its statement, whose values are <c>?</c>,
    ///     limit and consistency; the values, numbered from 1, are for sensitive data logging only.
    /// </summary>
    public static DynamoRequestDescription Describe(ExecuteStatementRequest request, string tableName)
        => new(
            "ExecuteStatement",
            tableName,
            null,
            Join(
                ("Statement", request.Statement),
                ("Limit", request.Limit?.ToString(CultureInfo.InvariantCulture)),
                ("ConsistentRead", request.ConsistentRead == true ? "true" : null),
                ("NextToken", request.NextToken != null ? "set" : null)),
            request.Parameters?.Select((value, index) => (value, index)).ToDictionary(p => "?" + (p.index + 1).ToString(CultureInfo.InvariantCulture), p => p.value));

    /// <summary>Describes a <c>BatchGetItem</c> of one table: its keys and projection.</summary>
    public static DynamoRequestDescription Describe(BatchGetItemRequest request)
    {
        var (tableName, keysAndAttributes) = request.RequestItems.Single();
        return new DynamoRequestDescription(
            "BatchGetItem",
            tableName,
            null,
            Join(
                ("Keys", keysAndAttributes.Keys.Count.ToString(CultureInfo.InvariantCulture)),
                ("Projection", keysAndAttributes.ProjectionExpression),
                ("ConsistentRead", keysAndAttributes.ConsistentRead == true ? "true" : null),
                ("Names", FormatNames(keysAndAttributes.ExpressionAttributeNames))));
    }

    /// <summary>Describes a <c>TransactWriteItems</c>: each write with its expressions.</summary>
    public static DynamoRequestDescription Describe(TransactWriteItemsRequest request)
        => new(
            "TransactWriteItems",
            string.Join(", ", request.TransactItems.Select(TableOf).Distinct()),
            null,
            Join(
                ("Items", request.TransactItems.Count.ToString(CultureInfo.InvariantCulture)),
                ("Operations", string.Join(", ", request.TransactItems.Select(OperationOf)))));

    /// <summary>Describes a <c>BatchWriteItem</c>: its puts and deletes.</summary>
    public static DynamoRequestDescription Describe(BatchWriteItemRequest request)
        => new(
            "BatchWriteItem",
            string.Join(", ", request.RequestItems.Keys),
            null,
            Join(
                ("Puts", request.RequestItems.Values.Sum(r => r.Count(w => w.PutRequest != null)).ToString(CultureInfo.InvariantCulture)),
                ("Deletes", request.RequestItems.Values.Sum(r => r.Count(w => w.DeleteRequest != null)).ToString(CultureInfo.InvariantCulture))));

    private static string TableOf(TransactWriteItem item)
        => item.Put?.TableName ?? item.Update?.TableName ?? item.Delete?.TableName ?? item.ConditionCheck.TableName;

    private static string OperationOf(TransactWriteItem item)
        => item.Put != null ? "Put" : item.Update != null ? "Update" : item.Delete != null ? "Delete" : "ConditionCheck";

    /// <summary>Describes a <c>PutItem</c>: its item and condition.</summary>
    public static DynamoRequestDescription Describe(PutItemRequest request)
        => new(
            "PutItem",
            request.TableName,
            null,
            Join(
                ("Attributes", string.Join(", ", request.Item.Keys)),
                ("Condition", request.ConditionExpression),
                ("Names", FormatNames(request.ExpressionAttributeNames))),
            Merge(request.Item, request.ExpressionAttributeValues));

    /// <summary>Describes an <c>UpdateItem</c>: its key, update expression and condition.</summary>
    public static DynamoRequestDescription Describe(UpdateItemRequest request)
        => new(
            "UpdateItem",
            request.TableName,
            null,
            Join(
                ("Key", string.Join(", ", request.Key.Keys)),
                ("Update", request.UpdateExpression),
                ("Condition", request.ConditionExpression),
                ("Names", FormatNames(request.ExpressionAttributeNames))),
            Merge(request.Key, request.ExpressionAttributeValues));

    /// <summary>Describes a <c>DeleteItem</c>: its key and condition.</summary>
    public static DynamoRequestDescription Describe(DeleteItemRequest request)
        => new(
            "DeleteItem",
            request.TableName,
            null,
            Join(
                ("Key", string.Join(", ", request.Key.Keys)),
                ("Condition", request.ConditionExpression),
                ("Names", FormatNames(request.ExpressionAttributeNames))),
            Merge(request.Key, request.ExpressionAttributeValues));

    /// <summary>Describes a <c>CreateTable</c>: its key schema, indexes and billing.</summary>
    public static DynamoRequestDescription Describe(CreateTableRequest request)
        => new(
            "CreateTable",
            request.TableName,
            null,
            Join(
                ("KeySchema", string.Join(", ", request.KeySchema.Select(k => k.AttributeName + " " + k.KeyType.Value))),
                ("LocalIndexes", FormatIndexNames(request.LocalSecondaryIndexes?.Select(i => i.IndexName))),
                ("GlobalIndexes", FormatIndexNames(request.GlobalSecondaryIndexes?.Select(i => i.IndexName))),
                ("BillingMode", request.BillingMode?.Value)));

    /// <summary>Describes an <c>UpdateTable</c>: the billing, throughput or index it changes.</summary>
    public static DynamoRequestDescription Describe(UpdateTableRequest request)
        => new(
            "UpdateTable",
            request.TableName,
            null,
            Join(
                ("BillingMode", request.BillingMode?.Value),
                ("Throughput", FormatThroughput(request.ProvisionedThroughput)),
                ("CreateIndex", request.GlobalSecondaryIndexUpdates?.Select(u => u.Create?.IndexName).FirstOrDefault(n => n != null)),
                ("UpdateIndexes", FormatIndexNames(request.GlobalSecondaryIndexUpdates?.Select(u => u.Update?.IndexName).OfType<string>()))));

    /// <summary>Describes an <c>UpdateTimeToLive</c>: the attribute it enables.</summary>
    public static DynamoRequestDescription Describe(UpdateTimeToLiveRequest request)
        => new(
            "UpdateTimeToLive",
            request.TableName,
            null,
            Join(
                ("Attribute", request.TimeToLiveSpecification.AttributeName),
                ("Enabled", request.TimeToLiveSpecification.Enabled == true ? "true" : "false")));

    private static string? FormatIndexNames(IEnumerable<string>? names)
        => names?.ToList() is { Count: > 0 } list ? string.Join(", ", list) : null;

    private static string? FormatThroughput(ProvisionedThroughput? throughput)
        => throughput == null
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{throughput.ReadCapacityUnits} read, {throughput.WriteCapacityUnits} write");

    private static string? FormatNames(Dictionary<string, string>? names)
        => names is { Count: > 0 } ? string.Join(", ", names.Select(p => p.Key + "=" + p.Value)) : null;

    private static Dictionary<string, AttributeValue>? Merge(
        Dictionary<string, AttributeValue> attributes,
        Dictionary<string, AttributeValue>? values)
        => values is { Count: > 0 } ? attributes.Concat(values).ToDictionary() : attributes;

    private static string Join(params (string Label, string? Text)[] parts)
    {
        var builder = new StringBuilder();
        foreach (var (label, text) in parts)
        {
            if (!string.IsNullOrEmpty(text))
            {
                if (builder.Length > 0)
                {
                    builder.Append("; ");
                }

                builder.Append(label).Append(": ").Append(text);
            }
        }

        return builder.ToString();
    }
}

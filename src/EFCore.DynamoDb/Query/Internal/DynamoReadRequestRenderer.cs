using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>Writes the request for one execution of a planned query, reading parameter values from the query context.</summary>
public static class DynamoReadRequestRenderer
{
    /// <param name="plan">The planned access path.</param>
    /// <param name="selectExpression">The translated query.</param>
    /// <param name="queryContext">This execution's parameter values.</param>
    /// <param name="tableName">The physical table name.</param>
    /// <param name="segment">For a parallel scan, this request's segment and the number of segments.</param>
    public static DynamoReadRequest Render(
        DynamoAccessPlan plan,
        DynamoSelectExpression selectExpression,
        QueryContext queryContext,
        string tableName,
        (int Segment, int TotalSegments)? segment = null)
    {
        var placeholders = new DynamoExpressionPlaceholders();
        var renderer = new DynamoConditionRenderer(placeholders, queryContext);
        var countOnly = selectExpression.ResultKind != DynamoResultKind.Items;
        var consistentRead = selectExpression.ReadOptions.ConsistentRead ? true : (bool?)null;

        switch (plan.Path)
        {
            case DynamoAccessPath.GetItem:
                return new DynamoReadRequest(
                    new GetItemRequest
                    {
                        TableName = tableName,
                        Key = plan.KeyConditions.ToDictionary(c => c.Attribute.AttributeName, renderer.EvaluateKey),
                        ConsistentRead = consistentRead
                    });

            case DynamoAccessPath.Query:
            {
                var keyCondition = renderer.RenderKeyCondition(plan.KeyConditions);
                var filter = plan.Filter == null ? null : renderer.Render(plan.Filter);
                return new DynamoReadRequest(
                    new QueryRequest
                    {
                        TableName = tableName,
                        KeyConditionExpression = keyCondition,
                        FilterExpression = filter,
                        Select = countOnly ? Select.COUNT : null,
                        ScanIndexForward = plan.ScanForward ? null : false,
                        ConsistentRead = consistentRead,
                        ExpressionAttributeNames = placeholders.Names,
                        ExpressionAttributeValues = placeholders.Values
                    });
            }

            default:
            {
                var filter = plan.Filter == null ? null : renderer.Render(plan.Filter);
                return new DynamoReadRequest(
                    new ScanRequest
                    {
                        TableName = tableName,
                        FilterExpression = filter,
                        Select = countOnly ? Select.COUNT : null,
                        ConsistentRead = consistentRead,
                        Segment = segment?.Segment,
                        TotalSegments = segment?.TotalSegments,
                        ExpressionAttributeNames = placeholders.Names,
                        ExpressionAttributeValues = placeholders.Values
                    });
            }
        }
    }
}

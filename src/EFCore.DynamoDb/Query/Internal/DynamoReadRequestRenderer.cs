using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>Writes the request for one execution of a planned query, reading parameter values from the query context.</summary>
public static class DynamoReadRequestRenderer
{
    public static DynamoReadRequest Render(
        DynamoAccessPlan plan,
        DynamoSelectExpression selectExpression,
        QueryContext queryContext,
        string tableName)
    {
        var placeholders = new DynamoExpressionPlaceholders();
        var renderer = new DynamoConditionRenderer(placeholders, queryContext);
        var countOnly = selectExpression.ResultKind != DynamoResultKind.Items;

        switch (plan.Path)
        {
            case DynamoAccessPath.GetItem:
                return new DynamoReadRequest(
                    new GetItemRequest
                    {
                        TableName = tableName,
                        Key = plan.KeyConditions.ToDictionary(c => c.Attribute.AttributeName, renderer.EvaluateKey)
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
                        ExpressionAttributeNames = placeholders.Names,
                        ExpressionAttributeValues = placeholders.Values
                    });
            }
        }
    }
}

using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>Writes the request for one execution of a planned query, reading parameter values from the query context.</summary>
public static class DynamoReadRequestRenderer
{
    /// <param name="plan">The planned access path.</param>
    /// <param name="selectExpression">The translated query.</param>
    /// <param name="queryContext">This execution's parameter values.</param>
    /// <param name="tableName">The physical table name.</param>
    /// <param name="keyAttributeNames">The key attributes of the path, which a paged projection must also read.</param>
    /// <param name="segment">For a parallel scan, this request's segment and the number of segments.</param>
    public static DynamoReadRequest Render(
        DynamoAccessPlan plan,
        DynamoSelectExpression selectExpression,
        QueryContext queryContext,
        string tableName,
        Func<IEnumerable<string>> keyAttributeNames,
        (int Segment, int TotalSegments)? segment = null)
    {
        var placeholders = new DynamoExpressionPlaceholders();
        var renderer = new DynamoExpressionRenderer(placeholders, queryContext.Parameters);
        var countOnly = selectExpression.ResultKind is DynamoResultKind.Count or DynamoResultKind.Any && plan.ClientFilter == null;
        var consistentRead = selectExpression.ReadOptions.ConsistentRead ? true : (bool?)null;
        var projection = countOnly ? null : RenderProjection(plan, selectExpression, renderer, keyAttributeNames);

        switch (plan.Path)
        {
            case DynamoAccessPath.GetItem:
                return new DynamoReadRequest(
                    new GetItemRequest
                    {
                        TableName = tableName,
                        Key = RenderKey(plan.PartitionKeyCondition!, plan.SortKeyCondition, renderer),
                        ConsistentRead = consistentRead,
                        ProjectionExpression = projection,
                        ExpressionAttributeNames = placeholders.Names
                    });

            case DynamoAccessPath.BatchGetItem:
            {
                var sortKey = (DynamoComparisonExpression?)plan.SortKeyCondition;
                var sortKeyValue = sortKey == null ? null : renderer.EvaluateKey(sortKey.Value);
                var keys = plan.PartitionKeyValues!.Evaluate(queryContext.Parameters).Values
                    .Select(partitionKeyValue =>
                    {
                        var key = new Dictionary<string, AttributeValue> { [plan.PartitionKeyValues.Attribute.AttributeName] = partitionKeyValue };
                        if (sortKey != null)
                        {
                            key[sortKey.Attribute.AttributeName] = sortKeyValue!;
                        }

                        return key;
                    })
                    .ToList();
                return new DynamoReadRequest(
                    new DynamoBatchGetReader(tableName, keys, selectExpression.ReadOptions.ConsistentRead, projection, placeholders.Names));
            }

            case DynamoAccessPath.Query:
            {
                var keyCondition = renderer.Render(new DynamoKeyConditionExpression(plan.PartitionKeyCondition!, plan.SortKeyCondition));
                var filter = plan.Filter == null ? null : renderer.Render(plan.Filter);
                return new DynamoReadRequest(
                    new QueryRequest
                    {
                        TableName = tableName,
                        IndexName = plan.IndexName,
                        KeyConditionExpression = keyCondition,
                        FilterExpression = filter,
                        ProjectionExpression = projection,
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
                        IndexName = plan.IndexName,
                        FilterExpression = filter,
                        ProjectionExpression = projection,
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

    /// <summary>
    ///     The attributes to read when the query projects properties: those, plus what is evaluated on the returned
    ///     items and the table key when full items are fetched afterwards. <see langword="null" /> reads whole items.
    /// </summary>
    private static string? RenderProjection(
        DynamoAccessPlan plan,
        DynamoSelectExpression selectExpression,
        DynamoExpressionRenderer renderer,
        Func<IEnumerable<string>> keyAttributeNames)
    {
        if (selectExpression.ProjectedProperties is not { } projected || plan.FetchFromTable)
        {
            return null;
        }

        // A property inside a complex value is read by its document path, each name a placeholder: #n0.#n1.
        var paths = projected.Select(p => (DynamoPathExpression)new DynamoAttributeExpression(p))
            .Concat(
                plan.ClientFilter == null
                    ? []
                    : DynamoAttributeFinder.FindIn(plan.ClientFilter).Select(a => new DynamoPathExpression(a.AttributeName)))
            .Concat(selectExpression.ContinuationToken == null ? [] : keyAttributeNames().Select(name => new DynamoPathExpression(name)));
        return renderer.Render(new DynamoProjectionExpression([.. paths]));
    }

    private static Dictionary<string, AttributeValue> RenderKey(
        DynamoComparisonExpression partitionKey,
        DynamoExpression? sortKey,
        DynamoExpressionRenderer renderer)
    {
        var key = new Dictionary<string, AttributeValue>(2) { [partitionKey.Attribute.AttributeName] = renderer.EvaluateKey(partitionKey.Value) };
        if (sortKey is DynamoComparisonExpression sortKeyEquality)
        {
            key[sortKeyEquality.Attribute.AttributeName] = renderer.EvaluateKey(sortKeyEquality.Value);
        }

        return key;
    }
}

using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>Writes the read command for one execution of a read plan, reading parameter values from the query context.</summary>
public static class DynamoReadCommandRenderer
{
    /// <param name="readPlan">The planned query.</param>
    /// <param name="tableName">The physical table name.</param>
    /// <param name="queryContext">This execution's parameter values.</param>
    public static DynamoReadCommand Render(DynamoReadPlan readPlan, string tableName, QueryContext queryContext)
    {
        var plan = readPlan.AccessPlan;
        var placeholders = new DynamoExpressionPlaceholders();
        var renderer = new DynamoExpressionRenderer(placeholders, queryContext.Parameters);
        var projection = readPlan.CountOnly || readPlan.Projection is not { } attributes ? null : renderer.Render(attributes);

        switch (plan.Path)
        {
            case DynamoAccessPath.ExecuteStatement:
                return DynamoPartiQLCommandRenderer.Render(readPlan, tableName, (DynamoQueryContext)queryContext);

            case DynamoAccessPath.GetItem:
                return new DynamoReadCommand(DynamoReadOperation.GetItem, tableName)
                {
                    Key = RenderKey(plan, renderer),
                    ConsistentRead = readPlan.ReadOptions.ConsistentRead,
                    Projection = projection,
                    Names = placeholders.Names
                };

            case DynamoAccessPath.BatchGetItem:
                return new DynamoReadCommand(DynamoReadOperation.BatchGetItem, tableName)
                {
                    Keys = RenderKeys(plan, renderer, queryContext.Parameters),
                    ConsistentRead = readPlan.ReadOptions.ConsistentRead,
                    Projection = projection,
                    Names = placeholders.Names
                };

            case DynamoAccessPath.Query:
            {
                var keyCondition = renderer.Render(new DynamoKeyConditionExpression(plan.PartitionKeyConditions, plan.SortKeyConditions));
                var filter = plan.Filter == null ? null : renderer.Render(plan.Filter);
                return new DynamoReadCommand(DynamoReadOperation.Query, tableName)
                {
                    IndexName = plan.IndexName,
                    KeyCondition = keyCondition,
                    Filter = filter,
                    Projection = projection,
                    CountOnly = readPlan.CountOnly,
                    ScanForward = plan.ScanForward,
                    ConsistentRead = readPlan.ReadOptions.ConsistentRead,
                    Names = placeholders.Names,
                    Values = placeholders.Values
                };
            }

            default:
            {
                var filter = plan.Filter == null ? null : renderer.Render(plan.Filter);
                return new DynamoReadCommand(DynamoReadOperation.Scan, tableName)
                {
                    IndexName = plan.IndexName,
                    Filter = filter,
                    Projection = projection,
                    CountOnly = readPlan.CountOnly,
                    ConsistentRead = readPlan.ReadOptions.ConsistentRead,
                    Names = placeholders.Names,
                    Values = placeholders.Values
                };
            }
        }
    }

    // The full primary key, from its equalities.
    private static Dictionary<string, AttributeValue> RenderKey(DynamoAccessPlan plan, DynamoExpressionRenderer renderer)
    {
        var key = new Dictionary<string, AttributeValue>(plan.PartitionKeyConditions.Count + plan.SortKeyConditions.Count);
        foreach (var equality in plan.PartitionKeyConditions)
        {
            key.Add(equality.Attribute.AttributeName, renderer.EvaluateKey(equality.Value));
        }

        foreach (var condition in plan.SortKeyConditions)
        {
            if (condition is DynamoComparisonExpression equality)
            {
                key.Add(equality.Attribute.AttributeName, renderer.EvaluateKey(equality.Value));
            }
        }

        return key;
    }

    // Every pairing of the partition key's values with the sort key's: one key attribute has a local collection of values,
    // the other (when the table has a sort key) an equality.
    private static List<Dictionary<string, AttributeValue>> RenderKeys(
        DynamoAccessPlan plan,
        DynamoExpressionRenderer renderer,
        IReadOnlyDictionary<string, object?> parameters)
    {
        var (partitionKeyName, partitionKeyValues) = KeyValues(plan.PartitionKeyValues, plan.PartitionKeyConditions, renderer, parameters)!.Value;
        var sortKey = KeyValues(plan.SortKeyValues, plan.SortKeyConditions, renderer, parameters);
        var keys = new List<Dictionary<string, AttributeValue>>(partitionKeyValues.Count * (sortKey?.Values.Count ?? 1));
        foreach (var partitionKeyValue in partitionKeyValues)
        {
            if (sortKey is not var (sortKeyName, sortKeyValues))
            {
                keys.Add(new Dictionary<string, AttributeValue>(1) { [partitionKeyName] = partitionKeyValue });
                continue;
            }

            foreach (var sortKeyValue in sortKeyValues)
            {
                keys.Add(new Dictionary<string, AttributeValue>(2) { [partitionKeyName] = partitionKeyValue, [sortKeyName] = sortKeyValue });
            }
        }

        return keys;
    }

    // A key attribute's values for this execution: those of its local collection, or the one of its equality.
    private static (string AttributeName, IReadOnlyList<AttributeValue> Values)? KeyValues(
        DynamoInExpression? collection,
        IReadOnlyList<DynamoExpression> conditions,
        DynamoExpressionRenderer renderer,
        IReadOnlyDictionary<string, object?> parameters)
        => collection != null ? (collection.Attribute.AttributeName, collection.Evaluate(parameters).Values)
            : conditions is [DynamoComparisonExpression equality] ? (equality.Attribute.AttributeName, [renderer.EvaluateKey(equality.Value)])
            : null;
}

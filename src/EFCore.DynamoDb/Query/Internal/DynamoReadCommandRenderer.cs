using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Writes the read command for one execution of a read plan, reading parameter values from the query context. The
///     projection and key condition come from the plan's template; only the key values and the filter are rendered here.
/// </summary>
public static class DynamoReadCommandRenderer
{
    /// <param name="readPlan">The planned query.</param>
    /// <param name="tableName">The physical table name.</param>
    /// <param name="queryContext">This execution's parameter values.</param>
    public static DynamoReadCommand Render(DynamoReadPlan readPlan, string tableName, QueryContext queryContext)
    {
        var plan = readPlan.AccessPlan;
        if (plan.Path == DynamoAccessPath.ExecuteStatement)
        {
            return DynamoPartiQLCommandRenderer.Render(readPlan, tableName, (DynamoQueryContext)queryContext);
        }

        var parameters = queryContext.Parameters;
        var template = readPlan.CommandTemplateFor(parameters);
        switch (plan.Path)
        {
            case DynamoAccessPath.GetItem:
                return new DynamoReadCommand(DynamoReadOperation.GetItem, tableName)
                {
                    Key = RenderKey(plan, parameters),
                    ConsistentRead = readPlan.ReadOptions.ConsistentRead,
                    Projection = template.Projection,
                    Names = template.Names
                };

            case DynamoAccessPath.BatchGetItem:
                return new DynamoReadCommand(DynamoReadOperation.BatchGetItem, tableName)
                {
                    Keys = RenderKeys(plan, parameters),
                    ConsistentRead = readPlan.ReadOptions.ConsistentRead,
                    Projection = template.Projection,
                    Names = template.Names
                };

            default:
            {
                var (filter, names, values) = RenderFilter(plan.Filter, template, parameters);
                return new DynamoReadCommand(plan.Path == DynamoAccessPath.Query ? DynamoReadOperation.Query : DynamoReadOperation.Scan, tableName)
                {
                    IndexName = plan.IndexName,
                    KeyCondition = template.KeyCondition,
                    Filter = filter,
                    Projection = template.Projection,
                    CountOnly = readPlan.CountOnly,
                    // A Scan has no order.
                    ScanForward = plan.Path != DynamoAccessPath.Query || plan.ScanForward,
                    ConsistentRead = readPlan.ReadOptions.ConsistentRead,
                    Names = names,
                    Values = values
                };
            }
        }
    }

    // The key condition's values, then the filter, whose placeholders follow the template's: without a filter the
    // request has the template's names.
    private static (string? Filter, Dictionary<string, string>? Names, Dictionary<string, AttributeValue>? Values) RenderFilter(
        DynamoExpression? filter,
        DynamoReadCommandTemplate template,
        IReadOnlyDictionary<string, object?> parameters)
    {
        var values = template.KeyConditionValues.Bind(parameters);
        if (filter == null)
        {
            return (null, template.Names, values);
        }

        var placeholders = new DynamoExpressionPlaceholders(
            template.Names == null ? null : new Dictionary<string, string>(template.Names, StringComparer.Ordinal), values);
        var text = new DynamoExpressionRenderer(placeholders, parameters).Render(filter);
        return (text, placeholders.Names, placeholders.Values);
    }

    // The full primary key, from its equalities; indexed, since a foreach over the lists' interface allocates.
    private static Dictionary<string, AttributeValue> RenderKey(DynamoAccessPlan plan, IReadOnlyDictionary<string, object?> parameters)
    {
        var (partitionKey, sortKey) = (plan.PartitionKeyConditions, plan.SortKeyConditions);
        var key = new Dictionary<string, AttributeValue>(partitionKey.Count + sortKey.Count);
        for (var i = 0; i < partitionKey.Count; i++)
        {
            key.Add(partitionKey[i].Attribute.AttributeName, DynamoExpressionRenderer.EvaluateKey(partitionKey[i].Value, parameters));
        }

        for (var i = 0; i < sortKey.Count; i++)
        {
            if (sortKey[i] is DynamoComparisonExpression equality)
            {
                key.Add(equality.Attribute.AttributeName, DynamoExpressionRenderer.EvaluateKey(equality.Value, parameters));
            }
        }

        return key;
    }

    // Every pairing of the partition key's values with the sort key's: one key attribute has a local collection of values,
    // the other (when the table has a sort key) an equality. Indexed, since a foreach over the lists' interface allocates
    // an enumerator.
    private static List<Dictionary<string, AttributeValue>> RenderKeys(DynamoAccessPlan plan, IReadOnlyDictionary<string, object?> parameters)
    {
        var (partitionKeyName, partitionKeyValues) = KeyValues(plan.PartitionKeyValues, plan.PartitionKeyConditions, parameters)!.Value;
        var sortKey = KeyValues(plan.SortKeyValues, plan.SortKeyConditions, parameters);
        var keys = new List<Dictionary<string, AttributeValue>>(partitionKeyValues.Count * (sortKey?.Values.Count ?? 1));
        for (var i = 0; i < partitionKeyValues.Count; i++)
        {
            if (sortKey is not var (sortKeyName, sortKeyValues))
            {
                keys.Add(new Dictionary<string, AttributeValue>(1) { [partitionKeyName] = partitionKeyValues[i] });
                continue;
            }

            for (var j = 0; j < sortKeyValues.Count; j++)
            {
                keys.Add(new Dictionary<string, AttributeValue>(2) { [partitionKeyName] = partitionKeyValues[i], [sortKeyName] = sortKeyValues[j] });
            }
        }

        return keys;
    }

    // A key attribute's values for this execution: those of its local collection, or the one of its equality.
    private static (string AttributeName, IReadOnlyList<AttributeValue> Values)? KeyValues(
        DynamoInExpression? collection,
        IReadOnlyList<DynamoExpression> conditions,
        IReadOnlyDictionary<string, object?> parameters)
        => collection != null ? (collection.Attribute.AttributeName, collection.Evaluate(parameters).Values)
            : conditions is [DynamoComparisonExpression equality] ? (equality.Attribute.AttributeName, [DynamoExpressionRenderer.EvaluateKey(equality.Value, parameters)])
            : null;
}

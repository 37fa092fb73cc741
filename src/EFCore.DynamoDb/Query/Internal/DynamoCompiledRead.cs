using EFCore.DynamoDb.Diagnostics.Internal;
using EFCore.DynamoDb.Query.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>A translated and planned query, ready to be rendered for each execution.</summary>
public sealed class DynamoCompiledRead(DynamoSelectExpression selectExpression, DynamoAccessPlan plan)
{
    public DynamoSelectExpression SelectExpression { get; } = selectExpression;

    public DynamoAccessPlan Plan { get; } = plan;

    /// <summary>Renders the request for this execution; a scan is logged as a warning first.</summary>
    public DynamoReadRequest CreateRequest(DynamoQueryContext queryContext, bool log = true)
    {
        var tableName = queryContext.TableNames.Resolve(SelectExpression.EntityType);
        if (log && Plan.Path == DynamoAccessPath.Scan)
        {
            queryContext.QueryLogger.ScanWarning(tableName, SelectExpression.EntityType.DisplayName());
        }

        return DynamoReadRequestRenderer.Render(Plan, SelectExpression, queryContext, tableName);
    }

    /// <summary>Whether a filter may drop items that DynamoDB read, so its <c>Limit</c> cannot bound what is returned.</summary>
    public bool HasFilter => Plan.Filter != null;

    public string ToQueryString(DynamoQueryContext queryContext)
    {
        var description = CreateRequest(queryContext, log: false).Describe();
        return description.Operation + " " + description.TableName
            + (description.IndexName == null ? "" : " (" + description.IndexName + ")")
            + Environment.NewLine + description.Expressions;
    }
}

using EFCore.DynamoDb.Diagnostics.Internal;
using EFCore.DynamoDb.Query.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>A translated and planned query, ready to be rendered for each execution.</summary>
public sealed class DynamoCompiledRead(DynamoSelectExpression selectExpression, DynamoAccessPlan plan)
{
    public DynamoSelectExpression SelectExpression { get; } = selectExpression;

    public DynamoAccessPlan Plan { get; } = plan;

    /// <summary>Whether a filter may drop items that DynamoDB read, so its <c>Limit</c> cannot bound what is returned.</summary>
    public bool HasFilter => Plan.Filter != null || Plan.ClientFilter != null;

    /// <summary>Whether DynamoDB can count the matches itself (<c>Select=COUNT</c>), with no condition left for the client.</summary>
    public bool CanCountOnServer => Plan.ClientFilter == null;

    /// <summary>
    ///     Renders the requests for this execution: one, or one per segment of a parallel scan. A scan is first
    ///     checked against the <c>ScanBehavior</c> option: refused, logged as a warning, or allowed. The choice of a
    ///     secondary index is logged at debug level, so that a user can see why a query reads where it does.
    /// </summary>
    public IReadOnlyList<DynamoReadRequest> CreateRequests(DynamoQueryContext queryContext)
    {
        var tableName = queryContext.TableNames.Resolve(SelectExpression.EntityType);
        if (Plan.Path == DynamoAccessPath.Scan && !SelectExpression.ReadOptions.AllowScan)
        {
            var entityType = SelectExpression.EntityType;
            switch (queryContext.ScanBehavior)
            {
                case ScanBehavior.Throw:
                    throw new InvalidOperationException(
                        DynamoStrings.ScanNotAllowed(entityType.DisplayName(), tableName, entityType.GetPartitionKeyProperty().Name));
                case ScanBehavior.Warn:
                    queryContext.QueryLogger.ScanWarning(tableName, entityType.DisplayName());
                    break;
            }
        }

        if (Plan.IndexName != null)
        {
            queryContext.QueryLogger.IndexChosen(SelectExpression.EntityType.DisplayName(), Plan.IndexName);
        }

        if (Plan.Path == DynamoAccessPath.Scan && SelectExpression.ReadOptions.ParallelSegments is { } segmentsArgument)
        {
            var segments = DynamoQueryArgument.Evaluate<int>(segmentsArgument, queryContext);
            return Enumerable.Range(0, segments)
                .Select(segment => DynamoReadRequestRenderer.Render(Plan, SelectExpression, queryContext, tableName, () => KeyAttributeNames, (segment, segments)))
                .ToList();
        }

        return [DynamoReadRequestRenderer.Render(Plan, SelectExpression, queryContext, tableName, () => KeyAttributeNames)];
    }

    /// <summary>The attributes of the table's key, partition key first.</summary>
    public IReadOnlyList<string> TableKeyAttributeNames
        => _tableKeyAttributeNames ??= SelectExpression.EntityType.FindPrimaryKey()!.Properties.Select(p => p.GetAttributeName()).ToList();

    /// <summary>The attributes that identify an item read through this plan: the table key, and the index key if any.</summary>
    public IReadOnlyList<string> KeyAttributeNames
        => _keyAttributeNames ??= TableKeyAttributeNames.Concat(IndexKeyAttributeNames()).Distinct(StringComparer.Ordinal).ToList();

    private IEnumerable<string> IndexKeyAttributeNames()
    {
        if (Plan.IndexName == null)
        {
            return [];
        }

        var index = SelectExpression.EntityType.GetIndexes().Single(i => i.Name == Plan.IndexName);
        IProperty?[] keys = [index.GetPartitionKeyProperty(), index.GetSortKeyProperty()];
        return keys.OfType<IProperty>().Select(p => p.GetAttributeName());
    }

    private IReadOnlyList<string>? _tableKeyAttributeNames;
    private IReadOnlyList<string>? _keyAttributeNames;

    public string ToQueryString(DynamoQueryContext queryContext)
    {
        var tableName = queryContext.TableNames.Resolve(SelectExpression.EntityType);
        var description = DynamoReadRequestRenderer.Render(Plan, SelectExpression, queryContext, tableName, () => KeyAttributeNames).Describe();
        return description.Operation + " " + description.TableName
            + (description.IndexName == null ? "" : " (" + description.IndexName + ")")
            + Environment.NewLine + description.Expressions;
    }
}

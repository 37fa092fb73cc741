using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Writes the <c>ExecuteStatement</c> of one execution of a <c>FromPartiQL</c> query: the statement with its tables'
///     physical names, its planned condition joined to it, and the parameters — the statement's values, then the
///     condition's, in the order of their <c>?</c>.
/// </summary>
public static class DynamoPartiQLCommandRenderer
{
    /// <param name="readPlan">The planned query, whose source is a PartiQL statement.</param>
    /// <param name="tableName">The physical name of the entity type's table.</param>
    /// <param name="queryContext">This execution's parameter values and table names.</param>
    public static DynamoReadCommand Render(DynamoReadPlan readPlan, string tableName, DynamoQueryContext queryContext)
    {
        var source = readPlan.PartiQL!;
        var statement = source.Statement.Render(queryContext.TableNames);
        var parameters = DynamoPartiQLValues.ToParameters(source.Statement, source.Evaluate(queryContext), queryContext.Context.GetService<ITypeMappingSource>());
        if (readPlan.AccessPlan.Filter is { } condition)
        {
            var renderer = new DynamoPartiQLConditionRenderer(queryContext.Parameters);
            statement = DynamoPartiQLComposition.AndWhere(statement, renderer.Render(condition));
            parameters.AddRange(renderer.Parameters);
        }

        return new DynamoReadCommand(DynamoReadOperation.ExecuteStatement, tableName)
        {
            Statement = statement,
            Parameters = parameters,
            ConsistentRead = readPlan.ReadOptions.ConsistentRead
        };
    }
}

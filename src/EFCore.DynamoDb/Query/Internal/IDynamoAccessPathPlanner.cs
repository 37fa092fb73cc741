using EFCore.DynamoDb.Query.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>Chooses the cheapest access path that answers a translated query.</summary>
public interface IDynamoAccessPathPlanner
{
    /// <summary>
    ///     The plan of how DynamoDB answers <paramref name="selectExpression" />: <c>GetItem</c>, <c>BatchGetItem</c>,
    ///     <c>Query</c> or <c>Scan</c>, through which key, with which filters.
    /// </summary>
    DynamoAccessPlan Plan(DynamoSelectExpression selectExpression);
}

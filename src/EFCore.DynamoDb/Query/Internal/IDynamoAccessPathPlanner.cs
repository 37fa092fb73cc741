using EFCore.DynamoDb.Query.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>Chooses the cheapest access path that answers a translated query.</summary>
public interface IDynamoAccessPathPlanner
{
    DynamoAccessPlan Plan(DynamoSelectExpression selectExpression);
}

namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary>The comparison operators of DynamoDB condition expressions.</summary>
public enum DynamoComparisonOperator
{
    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual
}

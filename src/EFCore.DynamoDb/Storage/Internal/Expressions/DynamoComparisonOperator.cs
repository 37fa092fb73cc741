namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary>The comparison operators of DynamoDB condition expressions.</summary>
public enum DynamoComparisonOperator
{
    /// <summary><c>=</c>.</summary>
    Equal,
    /// <summary><c>&lt;&gt;</c>.</summary>
    NotEqual,
    /// <summary><c>&lt;</c>.</summary>
    LessThan,
    /// <summary><c>&lt;=</c>.</summary>
    LessThanOrEqual,
    /// <summary><c>&gt;</c>.</summary>
    GreaterThan,
    /// <summary><c>&gt;=</c>.</summary>
    GreaterThanOrEqual
}

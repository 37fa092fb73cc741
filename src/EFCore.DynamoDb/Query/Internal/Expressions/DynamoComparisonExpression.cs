namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary><c>attribute op value</c>; the only form that can become a key condition.</summary>
public sealed class DynamoComparisonExpression(
    DynamoAttributeExpression attribute,
    DynamoComparisonOperator @operator,
    DynamoValueExpression value) : DynamoExpression
{
    public DynamoAttributeExpression Attribute { get; } = attribute;

    public DynamoComparisonOperator Operator { get; } = @operator;

    public DynamoValueExpression Value { get; } = value;

    public override string ToString() => $"{Attribute} {Operator} {Value}";
}

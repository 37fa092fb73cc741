namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary><c>attribute op value</c>; the only form that can become a key condition.</summary>
public sealed class DynamoComparisonExpression(
    DynamoAttributeExpression attribute,
    DynamoComparisonOperator @operator,
    DynamoValueExpression value) : DynamoExpression
{
    public DynamoAttributeExpression Attribute { get; } = attribute;

    public DynamoComparisonOperator Operator { get; } = @operator;

    public DynamoValueExpression Value { get; } = value;

    /// <summary>This comparison with other operands, or this very node when they are the same.</summary>
    public DynamoComparisonExpression Update(DynamoAttributeExpression attribute, DynamoValueExpression value)
        => attribute == Attribute && value == Value ? this : new DynamoComparisonExpression(attribute, Operator, value);

    protected override Expression VisitChildren(ExpressionVisitor visitor)
        => Update(visitor.VisitAndConvert(Attribute, nameof(VisitChildren)), visitor.VisitAndConvert(Value, nameof(VisitChildren)));

    public override string ToString() => $"{Attribute} {Operator} {Value}";
}

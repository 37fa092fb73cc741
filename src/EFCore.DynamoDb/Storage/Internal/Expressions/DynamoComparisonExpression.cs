namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary><c>attribute op value</c>; the only form that can become a key condition.</summary>
public sealed class DynamoComparisonExpression(
    DynamoAttributeExpression attribute,
    DynamoComparisonOperator @operator,
    DynamoValueExpression value) : DynamoExpression
{
    /// <summary>The attribute compared.</summary>
    public DynamoAttributeExpression Attribute { get; } = attribute;

    /// <summary>How the attribute is compared with the value.</summary>
    public DynamoComparisonOperator Operator { get; } = @operator;

    /// <summary>The value the attribute is compared with.</summary>
    public DynamoValueExpression Value { get; } = value;

    /// <summary>This comparison with other operands, or this very node when they are the same.</summary>
    public DynamoComparisonExpression Update(DynamoAttributeExpression attribute, DynamoValueExpression value)
        => attribute == Attribute && value == Value ? this : new DynamoComparisonExpression(attribute, Operator, value);

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
        => Update(visitor.VisitAndConvert(Attribute, nameof(VisitChildren)), visitor.VisitAndConvert(Value, nameof(VisitChildren)));

    /// <inheritdoc />
    public override string ToString() => $"{Attribute} {Operator} {Value}";
}

namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary>
///     <c>size(attribute) op value</c>: the length of a string or binary value, or the element count of a set, list or
///     map (<c>x.Name.Length</c>, <c>x.Tags.Count</c>, <c>x.Items.Count()</c>). Never a key condition.
/// </summary>
public sealed class DynamoSizeExpression(
    DynamoAttributeExpression attribute,
    DynamoComparisonOperator @operator,
    DynamoValueExpression value) : DynamoExpression
{
    /// <summary>The attribute whose size is compared.</summary>
    public DynamoAttributeExpression Attribute { get; } = attribute;

    /// <summary>How the size is compared with the value.</summary>
    public DynamoComparisonOperator Operator { get; } = @operator;

    /// <summary>The size compared with: a number.</summary>
    public DynamoValueExpression Value { get; } = value;

    /// <summary>This comparison with other operands, or this very node when they are the same.</summary>
    public DynamoSizeExpression Update(DynamoAttributeExpression attribute, DynamoValueExpression value)
        => attribute == Attribute && value == Value ? this : new DynamoSizeExpression(attribute, Operator, value);

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
        => Update(visitor.VisitAndConvert(Attribute, nameof(VisitChildren)), visitor.VisitAndConvert(Value, nameof(VisitChildren)));

    /// <inheritdoc />
    public override string ToString() => $"size({Attribute}) {Operator} {Value}";
}

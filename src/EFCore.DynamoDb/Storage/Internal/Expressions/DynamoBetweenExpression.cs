namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary><c>attribute BETWEEN low AND high</c>: a lower and an upper bound (both inclusive) on a sort key.</summary>
public sealed class DynamoBetweenExpression(DynamoAttributeExpression attribute, DynamoValueExpression low, DynamoValueExpression high)
    : DynamoExpression
{
    public DynamoAttributeExpression Attribute { get; } = attribute;

    public DynamoValueExpression Low { get; } = low;

    public DynamoValueExpression High { get; } = high;

    /// <summary>This range with other operands, or this very node when they are the same.</summary>
    public DynamoBetweenExpression Update(DynamoAttributeExpression attribute, DynamoValueExpression low, DynamoValueExpression high)
        => attribute == Attribute && low == Low && high == High ? this : new DynamoBetweenExpression(attribute, low, high);

    protected override Expression VisitChildren(ExpressionVisitor visitor)
        => Update(
            visitor.VisitAndConvert(Attribute, nameof(VisitChildren)),
            visitor.VisitAndConvert(Low, nameof(VisitChildren)),
            visitor.VisitAndConvert(High, nameof(VisitChildren)));

    public override string ToString() => $"{Attribute} BETWEEN {Low} AND {High}";
}

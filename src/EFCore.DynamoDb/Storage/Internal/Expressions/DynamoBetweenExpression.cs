namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary><c>attribute BETWEEN low AND high</c>: a lower and an upper bound (both inclusive) on a sort key.</summary>
public sealed class DynamoBetweenExpression(DynamoAttributeExpression attribute, DynamoValueExpression low, DynamoValueExpression high)
    : DynamoExpression
{
    /// <summary>The attribute bounded, a sort key.</summary>
    public DynamoAttributeExpression Attribute { get; } = attribute;

    /// <summary>The lower bound, included.</summary>
    public DynamoValueExpression Low { get; } = low;

    /// <summary>The upper bound, included.</summary>
    public DynamoValueExpression High { get; } = high;

    /// <summary>This range with other operands, or this very node when they are the same.</summary>
    public DynamoBetweenExpression Update(DynamoAttributeExpression attribute, DynamoValueExpression low, DynamoValueExpression high)
        => attribute == Attribute && low == Low && high == High ? this : new DynamoBetweenExpression(attribute, low, high);

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
        => Update(
            visitor.VisitAndConvert(Attribute, nameof(VisitChildren)),
            visitor.VisitAndConvert(Low, nameof(VisitChildren)),
            visitor.VisitAndConvert(High, nameof(VisitChildren)));

    /// <inheritdoc />
    public override string ToString() => $"{Attribute} BETWEEN {Low} AND {High}";
}

namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary><c>attribute BETWEEN low AND high</c>: a lower and an upper bound (both inclusive) on a sort key.</summary>
public sealed class DynamoBetweenExpression(DynamoAttributeExpression attribute, DynamoValueExpression low, DynamoValueExpression high)
    : DynamoExpression
{
    public DynamoAttributeExpression Attribute { get; } = attribute;

    public DynamoValueExpression Low { get; } = low;

    public DynamoValueExpression High { get; } = high;

    public override string ToString() => $"{Attribute} BETWEEN {Low} AND {High}";
}

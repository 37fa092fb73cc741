namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary><c>(left AND right)</c> or <c>(left OR right)</c>.</summary>
public sealed class DynamoLogicalExpression(DynamoExpression left, bool isAnd, DynamoExpression right) : DynamoExpression
{
    public DynamoExpression Left { get; } = left;

    public bool IsAnd { get; } = isAnd;

    public DynamoExpression Right { get; } = right;

    /// <summary>This expression with other operands, or this very node when they are the same.</summary>
    public DynamoLogicalExpression Update(DynamoExpression left, DynamoExpression right)
        => left == Left && right == Right ? this : new DynamoLogicalExpression(left, IsAnd, right);

    protected override Expression VisitChildren(ExpressionVisitor visitor)
        => Update(visitor.VisitAndConvert(Left, nameof(VisitChildren)), visitor.VisitAndConvert(Right, nameof(VisitChildren)));

    public override string ToString() => $"({Left} {(IsAnd ? "AND" : "OR")} {Right})";
}

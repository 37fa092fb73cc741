namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary><c>(left AND right)</c> or <c>(left OR right)</c>.</summary>
public sealed class DynamoLogicalExpression(DynamoExpression left, bool isAnd, DynamoExpression right) : DynamoExpression
{
    /// <summary>The left operand.</summary>
    public DynamoExpression Left { get; } = left;

    /// <summary>Whether the operands are joined with <c>AND</c> rather than <c>OR</c>.</summary>
    public bool IsAnd { get; } = isAnd;

    /// <summary>The right operand.</summary>
    public DynamoExpression Right { get; } = right;

    /// <summary>This expression with other operands, or this very node when they are the same.</summary>
    public DynamoLogicalExpression Update(DynamoExpression left, DynamoExpression right)
        => left == Left && right == Right ? this : new DynamoLogicalExpression(left, IsAnd, right);

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
        => Update(visitor.VisitAndConvert(Left, nameof(VisitChildren)), visitor.VisitAndConvert(Right, nameof(VisitChildren)));

    /// <inheritdoc />
    public override string ToString() => $"({Left} {(IsAnd ? "AND" : "OR")} {Right})";
}

namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary><c>left AND right</c> or <c>left OR right</c>.</summary>
public sealed class DynamoLogicalExpression(DynamoExpression left, bool isAnd, DynamoExpression right) : DynamoExpression
{
    public DynamoExpression Left { get; } = left;

    public bool IsAnd { get; } = isAnd;

    public DynamoExpression Right { get; } = right;

    public override string ToString() => $"({Left} {(IsAnd ? "AND" : "OR")} {Right})";
}

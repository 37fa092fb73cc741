namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary><c>NOT operand</c>.</summary>
public sealed class DynamoNotExpression(DynamoExpression operand) : DynamoExpression
{
    public DynamoExpression Operand { get; } = operand;

    public override string ToString() => $"NOT {Operand}";
}

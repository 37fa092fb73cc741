namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary><c>NOT operand</c>.</summary>
public sealed class DynamoNotExpression(DynamoExpression operand) : DynamoExpression
{
    /// <summary>The condition negated.</summary>
    public DynamoExpression Operand { get; } = operand;

    /// <summary>The negation of another operand, or this very node when it is the same.</summary>
    public DynamoNotExpression Update(DynamoExpression operand) => operand == Operand ? this : new DynamoNotExpression(operand);

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor) => Update(visitor.VisitAndConvert(Operand, nameof(VisitChildren)));

    /// <inheritdoc />
    public override string ToString() => $"NOT {Operand}";
}

namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary><c>ADD target value</c>: an atomic increment of a number, or elements added to a set.</summary>
public sealed class DynamoAddAction(DynamoPathExpression target, DynamoValueExpression value) : DynamoUpdateAction(target)
{
    /// <summary>The number added, or the set of elements added.</summary>
    public DynamoValueExpression Value { get; } = value;

    /// <summary>This action with other operands, or this very node when they are the same.</summary>
    public DynamoAddAction Update(DynamoPathExpression target, DynamoValueExpression value)
        => target == Target && value == Value ? this : new DynamoAddAction(target, value);

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
        => Update(visitor.VisitAndConvert(Target, nameof(VisitChildren)), visitor.VisitAndConvert(Value, nameof(VisitChildren)));

    /// <inheritdoc />
    public override string ToString() => $"ADD {Target} {Value}";
}

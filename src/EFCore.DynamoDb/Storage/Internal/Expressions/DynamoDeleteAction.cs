namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary><c>DELETE target value</c>: elements removed from a set atomically.</summary>
public sealed class DynamoDeleteAction(DynamoPathExpression target, DynamoValueExpression value) : DynamoUpdateAction(target)
{
    /// <summary>The set of elements removed.</summary>
    public DynamoValueExpression Value { get; } = value;

    /// <summary>This action with other operands, or this very node when they are the same.</summary>
    public DynamoDeleteAction Update(DynamoPathExpression target, DynamoValueExpression value)
        => target == Target && value == Value ? this : new DynamoDeleteAction(target, value);

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
        => Update(visitor.VisitAndConvert(Target, nameof(VisitChildren)), visitor.VisitAndConvert(Value, nameof(VisitChildren)));

    /// <inheritdoc />
    public override string ToString() => $"DELETE {Target} {Value}";
}

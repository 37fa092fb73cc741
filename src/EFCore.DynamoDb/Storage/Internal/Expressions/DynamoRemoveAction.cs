namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary><c>REMOVE target</c>: how a null value is written, since DynamoDB stores no null.</summary>
public sealed class DynamoRemoveAction(DynamoPathExpression target) : DynamoUpdateAction(target)
{
    /// <summary>This action on another attribute, or this very node when it is the same.</summary>
    public DynamoRemoveAction Update(DynamoPathExpression target) => target == Target ? this : new DynamoRemoveAction(target);

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor) => Update(visitor.VisitAndConvert(Target, nameof(VisitChildren)));

    /// <inheritdoc />
    public override string ToString() => $"REMOVE {Target}";
}

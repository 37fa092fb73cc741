namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary>
///     <c>SET target = value</c>, where the value is a <see cref="DynamoValueExpression" />, another attribute (a
///     <see cref="DynamoPathExpression" />), an attribute plus or minus a value (<see cref="DynamoArithmeticExpression" />)
///     or <c>if_not_exists</c> (<see cref="DynamoIfNotExistsExpression" />).
/// </summary>
public sealed class DynamoSetAction : DynamoUpdateAction
{
    /// <summary>
    ///     The action writing <paramref name="value" /> to <paramref name="target" />; the value must be one of the
    ///     four forms a <c>SET</c> accepts.
    /// </summary>
    public DynamoSetAction(DynamoPathExpression target, Expression value)
        : base(target)
    {
        if (value is not (DynamoValueExpression or DynamoPathExpression or DynamoArithmeticExpression or DynamoIfNotExistsExpression))
        {
            throw new ArgumentException(value.ToString(), nameof(value));
        }

        Value = value;
    }

    /// <summary>What the attribute is set to.</summary>
    public Expression Value { get; }

    /// <summary>This action with other operands, or this very node when they are the same.</summary>
    public DynamoSetAction Update(DynamoPathExpression target, Expression value)
        => target == Target && value == Value ? this : new DynamoSetAction(target, value);

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
        => Update(visitor.VisitAndConvert(Target, nameof(VisitChildren)), visitor.Visit(Value));

    /// <inheritdoc />
    public override string ToString() => $"SET {Target} = {Value}";
}

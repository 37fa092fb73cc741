namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary>
///     An <c>UpdateExpression</c>: its actions, written grouped by clause as <c>SET …, … REMOVE … ADD … DELETE …</c>.
///     Placeholders are handed out in the order of the actions.
/// </summary>
public sealed class DynamoUpdateExpression(IReadOnlyList<DynamoUpdateAction> actions) : Expression
{
    /// <summary>The actions in the order they were planned; the renderer groups them by clause.</summary>
    public IReadOnlyList<DynamoUpdateAction> Actions { get; } = actions;

    /// <inheritdoc />
    public override ExpressionType NodeType => ExpressionType.Extension;

    /// <inheritdoc />
    public override Type Type => typeof(void);

    /// <summary>This update with other actions, or this very node when they are the same.</summary>
    public DynamoUpdateExpression Update(IReadOnlyList<DynamoUpdateAction> actions)
        => ReferenceEquals(actions, Actions) ? this : new DynamoUpdateExpression(actions);

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
        => DynamoChildren.Visit(visitor, Actions) is { } actions ? Update(actions) : this;

    /// <inheritdoc />
    public override string ToString() => string.Join(" ", Actions);
}

namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary>One action of an <c>UpdateExpression</c> on the attribute at <see cref="Target" />.</summary>
public abstract class DynamoUpdateAction(DynamoPathExpression target) : Expression
{
    /// <summary>The attribute the action writes.</summary>
    public DynamoPathExpression Target { get; } = target;

    /// <inheritdoc />
    public sealed override ExpressionType NodeType => ExpressionType.Extension;

    /// <inheritdoc />
    public sealed override Type Type => typeof(void);
}

namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>
///     <c>ExecuteDelete</c> (no setters) or <c>ExecuteUpdate</c> over the items a query selects; its result is the
///     number of items written.
/// </summary>
public sealed class DynamoNonQueryExpression(DynamoSelectExpression selectExpression, IReadOnlyList<DynamoSetter>? setters) : Expression
{
    /// <summary>The query selecting the items written.</summary>
    public DynamoSelectExpression SelectExpression { get; } = selectExpression;

    /// <summary>The setters of an update; <see langword="null" /> for a delete.</summary>
    public IReadOnlyList<DynamoSetter>? Setters { get; } = setters;

    /// <inheritdoc />
    public override ExpressionType NodeType => ExpressionType.Extension;

    /// <inheritdoc />
    public override Type Type => typeof(int);

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor) => this;
}

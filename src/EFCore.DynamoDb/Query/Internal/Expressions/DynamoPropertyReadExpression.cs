namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>
///     A projected property, read from the returned item when the shaper is finished (a placeholder, so that EF Core's
///     materializer injection sees no provider constants).
/// </summary>
public sealed class DynamoPropertyReadExpression(IProperty property, Type type) : Expression
{
    /// <summary>The property read.</summary>
    public new IProperty Property { get; } = property;

    /// <inheritdoc />
    public override ExpressionType NodeType => ExpressionType.Extension;

    /// <inheritdoc />
    public override Type Type { get; } = type;

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor) => this;

    /// <inheritdoc />
    public override string ToString() => "item." + Property.GetAttributeName();
}

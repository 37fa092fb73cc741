namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>
///     A projected property, read from the returned item when the shaper is finished (a placeholder, so that EF Core's
///     materializer injection sees no provider constants).
/// </summary>
public sealed class DynamoPropertyReadExpression(IProperty property, Type type) : Expression
{
    public new IProperty Property { get; } = property;

    public override ExpressionType NodeType => ExpressionType.Extension;

    public override Type Type { get; } = type;

    protected override Expression VisitChildren(ExpressionVisitor visitor) => this;

    public override string ToString() => "item." + Property.GetAttributeName();
}

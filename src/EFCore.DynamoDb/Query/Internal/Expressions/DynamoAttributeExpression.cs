namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>A top-level attribute of the item: the one a mapped property is stored in.</summary>
public sealed class DynamoAttributeExpression(IProperty property) : Expression
{
    public new IProperty Property { get; } = property;

    public string AttributeName { get; } = property.GetAttributeName();

    public override ExpressionType NodeType => ExpressionType.Extension;

    public override Type Type => Property.ClrType;

    protected override Expression VisitChildren(ExpressionVisitor visitor) => this;

    public override string ToString() => AttributeName;
}

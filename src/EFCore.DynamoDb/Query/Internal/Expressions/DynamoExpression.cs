namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>
///     A node of a DynamoDB condition: what a LINQ predicate translates to before the planner splits it into key
///     conditions and filters, and before the renderer writes it with placeholders.
/// </summary>
public abstract class DynamoExpression : Expression
{
    public sealed override ExpressionType NodeType => ExpressionType.Extension;

    public override Type Type => typeof(bool);

    protected override Expression VisitChildren(ExpressionVisitor visitor) => this;
}

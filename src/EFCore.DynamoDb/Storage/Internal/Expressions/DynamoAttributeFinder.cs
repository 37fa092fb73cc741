namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary>Finds the attributes a condition reads, in the order they are written.</summary>
public sealed class DynamoAttributeFinder : DynamoExpressionVisitor
{
    private readonly List<DynamoAttributeExpression> _attributes = [];

    private DynamoAttributeFinder()
    {
    }

    public static IReadOnlyList<DynamoAttributeExpression> FindIn(Expression node)
    {
        var finder = new DynamoAttributeFinder();
        finder.Visit(node);
        return finder._attributes;
    }

    protected override Expression VisitAttribute(DynamoAttributeExpression node)
    {
        _attributes.Add(node);
        return node;
    }
}

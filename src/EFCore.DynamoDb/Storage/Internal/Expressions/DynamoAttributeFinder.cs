namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary>Finds the attributes a condition reads, in the order they are written.</summary>
public sealed class DynamoAttributeFinder : DynamoExpressionVisitor
{
    private readonly List<DynamoAttributeExpression> _attributes = [];

    private DynamoAttributeFinder()
    {
    }

    /// <summary>
    ///     The attributes <paramref name="node" /> reads, in the order they are written, repeated as often as they
    ///     occur.
    /// </summary>
    public static IReadOnlyList<DynamoAttributeExpression> FindIn(Expression node)
    {
        var finder = new DynamoAttributeFinder();
        finder.Visit(node);
        return finder._attributes;
    }

    /// <inheritdoc />
    protected override Expression VisitAttribute(DynamoAttributeExpression node)
    {
        _attributes.Add(node);
        return node;
    }
}

namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary>Visits the child lists of the DynamoDB expression nodes, so that a node is rebuilt only when a child changed.</summary>
public static class DynamoChildren
{
    /// <summary>The visited nodes, or <see langword="null" /> when the visitor returned every node unchanged.</summary>
    public static IReadOnlyList<T>? Visit<T>(ExpressionVisitor visitor, IReadOnlyList<T> nodes)
        where T : Expression
    {
        T[]? visited = null;
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = visitor.VisitAndConvert(nodes[i], nameof(Visit));
            if (visited == null && !ReferenceEquals(node, nodes[i]))
            {
                visited = new T[nodes.Count];
                for (var j = 0; j < i; j++)
                {
                    visited[j] = nodes[j];
                }
            }

            if (visited != null)
            {
                visited[i] = node;
            }
        }

        return visited;
    }
}

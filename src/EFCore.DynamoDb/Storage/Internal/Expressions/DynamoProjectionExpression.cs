namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary>A <c>ProjectionExpression</c>: the attribute paths to read; a path listed twice is read once.</summary>
public sealed class DynamoProjectionExpression(IReadOnlyList<DynamoPathExpression> paths) : Expression
{
    /// <summary>The paths read, in the order written.</summary>
    public IReadOnlyList<DynamoPathExpression> Paths { get; } = paths;

    /// <inheritdoc />
    public override ExpressionType NodeType => ExpressionType.Extension;

    /// <inheritdoc />
    public override Type Type => typeof(object);

    /// <summary>This projection of other paths, or this very node when they are the same.</summary>
    public DynamoProjectionExpression Update(IReadOnlyList<DynamoPathExpression> paths)
        => ReferenceEquals(paths, Paths) ? this : new DynamoProjectionExpression(paths);

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
        => DynamoChildren.Visit(visitor, Paths) is { } paths ? Update(paths) : this;

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", Paths);
}

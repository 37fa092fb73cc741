namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     The elements of an owned collection, each shaped by <see cref="ElementShaper" />;
///     <see cref="DynamoItemReadInjector" /> turns it into a read of the navigation's list of maps.
/// </summary>
public sealed class DynamoOwnedCollectionShaperExpression(INavigation navigation, Expression elementShaper) : Expression
{
    /// <summary>The owned collection navigation shaped.</summary>
    public INavigation Navigation { get; } = navigation;

    /// <summary>
    ///     The shaper of one element: a structural type shaper of the owned entity type, until EF Core injects its
    ///     materializer.
    /// </summary>
    public Expression ElementShaper { get; } = elementShaper;

    /// <inheritdoc />
    public override ExpressionType NodeType => ExpressionType.Extension;

    /// <inheritdoc />
    public override Type Type => typeof(IReadOnlyList<>).MakeGenericType(Navigation.TargetEntityType.ClrType);

    // EF Core's materializer injection replaces the element's structural type shaper through this.
    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
        => visitor.Visit(ElementShaper) is var elementShaper && elementShaper == ElementShaper
            ? this
            : new DynamoOwnedCollectionShaperExpression(Navigation, elementShaper);
}

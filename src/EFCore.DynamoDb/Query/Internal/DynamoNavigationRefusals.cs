namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Names the navigation behind what EF Core's navigation expansion made of it, until relationships are served: an
///     <c>Include</c> of a navigation to another entity type, and the join a reference navigation becomes when a
///     condition or projection follows it. Owned navigations are stored inside the item, and are not refused.
/// </summary>
public static class DynamoNavigationRefusals
{
    // The type navigation expansion pairs the two sides of a join with; a join the user wrote returns their own type.
    private static readonly Type TransparentIdentifierType
        = TransparentIdentifierFactory.Create(typeof(object), typeof(object)).GetGenericTypeDefinition();

    /// <summary>The first included navigation to another entity type in <paramref name="query" />, or <see langword="null" />.</summary>
    public static INavigationBase? FindInclude(Expression query) => IncludeFinder.Find(query);

    /// <summary>The navigation from the outer to the inner entity type that navigation expansion joined, or <see langword="null" />.</summary>
    public static INavigation? FindJoinedNavigation(ShapedQueryExpression outer, ShapedQueryExpression inner, LambdaExpression resultSelector)
        => resultSelector.ReturnType.IsGenericType
            && resultSelector.ReturnType.GetGenericTypeDefinition() == TransparentIdentifierType
            && outer.ShaperExpression is StructuralTypeShaperExpression { StructuralType: IEntityType outerType }
            && inner.ShaperExpression is StructuralTypeShaperExpression { StructuralType: IEntityType innerType }
                ? outerType.GetNavigations().FirstOrDefault(n => n.TargetEntityType.IsAssignableFrom(innerType))
                : null;

    /// <summary>The navigation as the user names it: <c>Order.Customer</c>.</summary>
    public static string DisplayName(INavigationBase navigation) => navigation.DeclaringEntityType.DisplayName() + "." + navigation.Name;

    /// <summary>The include as the user wrote it: <c>Include(o => o.Customer)</c>.</summary>
    public static string DisplayInclude(INavigationBase navigation)
    {
        var parameter = char.ToLowerInvariant(navigation.DeclaringEntityType.ClrType.Name[0]);
        return $"Include({parameter} => {parameter}.{navigation.Name})";
    }

    private sealed class IncludeFinder : ExpressionVisitor
    {
        private INavigationBase? _found;

        public static INavigationBase? Find(Expression query)
        {
            var finder = new IncludeFinder();
            finder.Visit(query);
            return finder._found;
        }

        public override Expression? Visit(Expression? node) => _found == null ? base.Visit(node) : node;

        protected override Expression VisitExtension(Expression node)
        {
            if (node is IncludeExpression { Navigation: var navigation } && navigation is not INavigation { ForeignKey.IsOwnership: true })
            {
                _found = navigation;
                return node;
            }

            // Query roots and the like do not visit children; only the includes inside ordinary nodes matter.
            return node.CanReduce || node is IncludeExpression or MaterializeCollectionNavigationExpression ? base.VisitExtension(node) : node;
        }
    }
}

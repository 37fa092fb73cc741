namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Rewrites the includes of owned navigations that EF Core's navigation expansion adds to every query of an owner,
///     before the materializers are injected: the included navigation (an <c>EF.Property</c> access of the owner, or a
///     subquery over it for a collection) becomes a shaper of the owned entity type. EF Core then materializes and, in
///     a tracking query, tracks the owned entities like their owner; <see cref="DynamoItemReadInjector" /> points them at
///     their maps inside the item.
/// </summary>
public sealed class DynamoOwnedIncludeRewriter : ExpressionVisitor
{
    /// <inheritdoc />
    protected override Expression VisitExtension(Expression node)
        => node is IncludeExpression { Navigation: INavigation { ForeignKey.IsOwnership: true, IsOnDependent: false } navigation } include
            ? include.Update(Visit(include.EntityExpression), Visit(ShapeOwned(navigation, include.NavigationExpression)))
            : base.VisitExtension(node);

    // Visiting the result rewrites the includes nested inside the owned entity.
    private static Expression ShapeOwned(INavigation navigation, Expression navigationExpression)
    {
        var ownedType = navigation.TargetEntityType;
        if (!navigation.IsCollection)
        {
            return new OwnedAccessReplacer(navigation, new StructuralTypeShaperExpression(ownedType, EmptyValueBuffer, nullable: true))
                .Visit(navigationExpression);
        }

        var subquery = ((MaterializeCollectionNavigationExpression)navigationExpression).Subquery;
        return new DynamoOwnedCollectionShaperExpression(
            navigation,
            ShapeElement(subquery, new StructuralTypeShaperExpression(ownedType, EmptyValueBuffer, nullable: false)));
    }

    // The subquery is AsQueryable over the collection, followed by a Select of the includes nested in its elements.
    private static Expression ShapeElement(Expression subquery, StructuralTypeShaperExpression element)
        => subquery switch
        {
            MethodCallExpression { Method.Name: nameof(Queryable.AsQueryable) } => element,
            MethodCallExpression { Method.Name: nameof(Queryable.Select), Arguments: [var source, UnaryExpression { Operand: LambdaExpression selector }] }
                => ReplacingExpressionVisitor.Replace(selector.Parameters[0], ShapeElement(source, element), selector.Body),
            _ => throw new InvalidOperationException(CoreStrings.TranslationFailed(subquery.Print()))
        };

    // The owned entities are read from the item, not from the owner's value buffer: nothing is read from this one.
    private static ConstantExpression EmptyValueBuffer => Expression.Constant(ValueBuffer.Empty);

    private sealed class OwnedAccessReplacer(INavigation navigation, Expression shaper) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
            => node.TryGetEFPropertyArguments(out _, out var name) && name == navigation.Name
                ? shaper
                : base.VisitMethodCall(node);
    }
}

using static EFCore.DynamoDb.Query.Internal.DynamoLinqExpressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Serves reference navigations inside a projection (<c>Select(o => new { o.Number, o.Customer.Name })</c>) with the
///     reads of a reference <c>Include</c>: navigation expansion's joins of the principals' sets are kept, its projection
///     becomes the <c>Include</c> of each joined navigation on the dependent, and the user's projection is run on each
///     dependent afterwards, over its loaded navigations. Only joins on a single-property foreign key of the dependent
///     itself are served (<c>o.Customer.Region.Name</c>, a navigation of a navigation, is not).
/// </summary>
public static class DynamoReferenceProjectionRewriter
{
    private static readonly Type TransparentIdentifierType
        = TransparentIdentifierFactory.Create(typeof(object), typeof(object)).GetGenericTypeDefinition();

    /// <summary>Whether <paramref name="type" /> is the pair navigation expansion joins two sets into.</summary>
    public static bool IsJoinedPair(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == TransparentIdentifierType;

    /// <summary>
    ///     The dependents' query with the projected reference navigations included, and the projection to run on each
    ///     dependent, or <see langword="null" /> when <paramref name="select" /> does not project joined navigations so.
    /// </summary>
    /// <param name="select">The <c>Select</c> whose source navigation expansion joined.</param>
    /// <param name="selector">Its selector, over the pairs of the joins.</param>
    public static (Expression Query, LambdaExpression Projection)? TryRewrite(MethodCallExpression select, LambdaExpression selector)
    {
        // Each join's principals are at the path of its inner side; the dependent at the end of the outer sides.
        var joins = new List<(string InnerPath, string OuterPath, LambdaExpression OuterKey, LambdaExpression InnerKey)>();
        var source = select.Arguments[0];
        var rootPath = "";
        while (Join(source) is var (outer, outerKey, innerKey))
        {
            joins.Add((rootPath + ".Inner", rootPath + ".Outer", outerKey, innerKey));
            rootPath += ".Outer";
            source = outer;
        }

        if (joins.Count == 0 || EntityTypeOf(source) is not { } dependentType)
        {
            return null;
        }

        var navigations = new Dictionary<string, INavigation>();
        foreach (var join in joins)
        {
            if (KeyProperty(join.OuterKey) is not var (keyPath, foreignKey)
                || join.OuterPath + keyPath != rootPath
                || KeyProperty(join.InnerKey) is not ("", var principalKey)
                || FindNavigation(dependentType, foreignKey, principalKey, join.InnerKey.Parameters[0].Type) is not { PropertyInfo: not null } navigation)
            {
                return null;
            }

            navigations[join.InnerPath] = navigation;
        }

        var pair = selector.Parameters[0];
        var dependent = Expression.Parameter(ElementType(source), "d");
        var projection = new PathReplacer(pair, rootPath, dependent, navigations).Visit(selector.Body);
        if (References(projection, pair) || DynamoNavigationProjectionRewriter.HoldsQuery(projection))
        {
            return null;
        }

        var included = navigations.Aggregate(
            Path(pair, rootPath),
            (entity, joined) => new IncludeExpression(entity, Path(pair, joined.Key), joined.Value, setLoaded: true));
        return (Expression.Call(
                QueryableMethods.Select.MakeGenericMethod(pair.Type, dependent.Type),
                select.Arguments[0],
                Expression.Quote(Expression.Lambda(included, pair))),
            Expression.Lambda(projection, dependent));
    }

    private static (Expression Outer, LambdaExpression OuterKey, LambdaExpression InnerKey)? Join(Expression source)
        => source is MethodCallExpression { Method.Name: nameof(Queryable.Join) or "LeftJoin", Arguments: [var outer, _, var outerKey, var innerKey, _] } join
            && join.Method.DeclaringType == typeof(Queryable)
            && IsJoinedPair(ElementType(join))
            && Lambda(outerKey) is { } outerLambda
            && Lambda(innerKey) is { } innerLambda
                ? (outer, outerLambda, innerLambda)
                : null;

    private static IEntityType? EntityTypeOf(Expression query)
    {
        while (query is MethodCallExpression { Arguments.Count: > 0 } call)
        {
            query = call.Arguments[0];
        }

        return (query as EntityQueryRootExpression)?.EntityType;
    }

    // A key selector of one property: EF.Property(<path of the parameter>, "Name").
    private static (string Path, string Property)? KeyProperty(LambdaExpression keySelector)
    {
        var body = keySelector.Body;
        while (body is UnaryExpression { NodeType: ExpressionType.Convert } convert)
        {
            body = convert.Operand;
        }

        return body is MethodCallExpression call
            && call.TryGetEFPropertyArguments(out var entity, out var name)
            && PathOf(entity!, keySelector.Parameters[0]) is { } path
                ? (path, name!)
                : null;
    }

    private static INavigation? FindNavigation(IEntityType dependentType, string foreignKey, string principalKey, Type principalType)
        => dependentType.GetForeignKeys()
            .Where(fk => fk.Properties is [var property] && property.Name == foreignKey
                && fk.PrincipalKey.Properties is [var key] && key.Name == principalKey
                && fk.PrincipalEntityType.ClrType == principalType)
            .Select(fk => fk.DependentToPrincipal)
            .FirstOrDefault(n => n != null);

    private static Expression Path(Expression pair, string path)
        => path.Split('.', StringSplitOptions.RemoveEmptyEntries).Aggregate(pair, Expression.PropertyOrField);

    // The path of a member of the pairs, ".Outer.Inner"; "" for the parameter itself.
    private static string? PathOf(Expression expression, ParameterExpression parameter)
        => expression switch
        {
            ParameterExpression p when p == parameter => "",
            MemberExpression { Member.Name: "Outer" or "Inner", Expression: { } inner } member when PathOf(inner, parameter) is { } path
                => path + "." + member.Member.Name,
            _ => null
        };

    private static Type ElementType(Expression query) => query.Type.GetGenericArguments()[0];

    // The dependent's path becomes the dependent, a principal's path the dependent's navigation to it.
    private sealed class PathReplacer(
        ParameterExpression pair,
        string rootPath,
        ParameterExpression dependent,
        Dictionary<string, INavigation> navigations) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
            => PathOf(node, pair) is { } path
                ? path == rootPath ? dependent
                : navigations.TryGetValue(path, out var navigation) ? Expression.Property(dependent, navigation.PropertyInfo!)
                : base.VisitMember(node)
                : base.VisitMember(node);
    }
}

using static EFCore.DynamoDb.Query.Internal.DynamoLinqExpressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Takes the <c>Include</c>s of collection navigations out of the query that navigation expansion made of them: the
///     <c>Select</c> of the <see cref="IncludeExpression" />s leaves the principals' query alone, and each navigation is
///     returned with its dependents' query (the subquery navigation expansion built, with the operators of a filtered
///     <c>Include</c> and the selector of a <c>ThenInclude</c>), whose correlation with the principal is replaced by the
///     foreign key's equality with parameters, one per foreign-key property, set per principal when the query runs.
///     Any other shape (a reference and a collection together, an include inside a projection) is left as it is, to be
///     refused.
/// </summary>
public static class DynamoCollectionIncludeRewriter
{
    private static readonly MethodInfo PropertyMethod = typeof(EF).GetMethod(nameof(EF.Property))!;

    /// <summary>
    ///     <paramref name="query" /> without the collection includes on its main chain of operators, or <see langword="null" />
    ///     when it has none.
    /// </summary>
    public static (Expression Query, IReadOnlyList<DynamoCollectionInclude> Includes)? TryRemove(Expression query)
    {
        if (query is not MethodCallExpression { Arguments.Count: > 0 } call)
        {
            return null;
        }

        if (IncludedCollections(call) is { } found)
        {
            return (call.Arguments[0], found);
        }

        return TryRemove(call.Arguments[0]) is var (source, includes)
            ? (call.Update(call.Object, [source, .. call.Arguments.Skip(1)]), includes)
            : null;
    }

    // source.Select(c => Include(Include(c, Orders, MaterializeCollectionNavigation(...)), Addresses, ...))
    private static List<DynamoCollectionInclude>? IncludedCollections(MethodCallExpression call)
    {
        if (call.Method.DeclaringType != typeof(Queryable)
            || call.Method.Name != nameof(Queryable.Select)
            || Lambda(call.Arguments[1]) is not { Body: IncludeExpression } selector)
        {
            return null;
        }

        var includes = new List<DynamoCollectionInclude>();
        var entity = selector.Body;
        while (entity is IncludeExpression include)
        {
            if (include is not
                {
                    Navigation: INavigation { IsCollection: true, ForeignKey.IsOwnership: false } navigation,
                    NavigationExpression: MaterializeCollectionNavigationExpression { Subquery: var subquery }
                }
                || WithKeyParameters(subquery, navigation, selector.Parameters[0]) is not var (dependents, parameters))
            {
                return null;
            }

            includes.Insert(0, new DynamoCollectionInclude(navigation, dependents, parameters, include.SetLoaded));
            entity = include.EntityExpression;
        }

        return entity == selector.Parameters[0] ? includes : null;
    }

    // The subquery filters the dependents with Where(d => <principal's key> == <d's foreign key>), the correlation: the
    // conjuncts that reference the principal (the outer parameter) in the Where nearest the source that has any.
    // Navigation expansion may add other Wheres and conjuncts (a query filter on the dependents), which are kept; the
    // correlation becomes EF.Property(d, "ForeignKey") == @key, for each foreign-key property. A subquery that still
    // references the principal elsewhere (a filtered include comparing with it) is left as it is, to be refused.
    private static (Expression Dependents, IReadOnlyList<QueryParameterExpression> Parameters)? WithKeyParameters(
        Expression subquery, INavigation navigation, ParameterExpression principal)
        => Correlated(subquery, navigation, principal) is var (dependents, parameters) && !References(dependents, principal)
            ? (dependents, parameters)
            : null;

    private static (Expression Dependents, IReadOnlyList<QueryParameterExpression> Parameters)? Correlated(
        Expression subquery, INavigation navigation, ParameterExpression principal)
    {
        if (subquery is not MethodCallExpression { Arguments.Count: > 0 } call)
        {
            return null;
        }

        if (Correlated(call.Arguments[0], navigation, principal) is var (source, found))
        {
            return (call.Update(call.Object, [source, .. call.Arguments.Skip(1)]), found);
        }

        if (call.Method.DeclaringType != typeof(Queryable)
            || call.Method.Name != nameof(Queryable.Where)
            || Lambda(call.Arguments[1]) is not { } filter
            || Conjuncts(filter.Body).ToLookup(c => References(c, principal)) is not { } conjuncts
            || !conjuncts[true].Any())
        {
            return null;
        }

        var dependent = filter.Parameters[0];
        var parameters = navigation.ForeignKey.Properties
            .Select(p => new QueryParameterExpression(KeyParameterName(navigation, p), p.ClrType))
            .ToList();
        var predicate = conjuncts[false]
            .Concat(navigation.ForeignKey.Properties.Select((p, i) => (Expression)Expression.Equal(
                Expression.Call(PropertyMethod.MakeGenericMethod(p.ClrType), dependent, Expression.Constant(p.Name)), parameters[i])))
            .Aggregate(Expression.AndAlso);
        return (call.Update(null, [call.Arguments[0], Expression.Quote(Expression.Lambda(predicate, dependent))]), parameters);
    }

    private static IEnumerable<Expression> Conjuncts(Expression predicate)
        => predicate is BinaryExpression { NodeType: ExpressionType.AndAlso } and
            ? Conjuncts(and.Left).Concat(Conjuncts(and.Right))
            : [predicate];

    private static string KeyParameterName(INavigation navigation, IProperty foreignKey)
        => $"__include_{navigation.DeclaringEntityType.ShortName()}_{navigation.Name}_{foreignKey.Name}";
}

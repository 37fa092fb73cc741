using static EFCore.DynamoDb.Query.Internal.DynamoLinqExpressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Takes the <c>Include</c>s of reference navigations out of the query that navigation expansion made of them: the
///     joins to the principals' sets and the <c>Select</c> of the <see cref="IncludeExpression" />s leave the dependents'
///     query alone, and each navigation is returned with its principals' query (the joined set, restricted to the keys
///     the dependents hold) and its own reference <c>ThenInclude</c>s. Collection includes in the same <c>Select</c>
///     stay in it, on the dependent, for <see cref="DynamoCollectionIncludeRewriter" />; those of a principal go into its
///     query. Any other shape (an include inside a projection, a condition on a navigation) is left as it is, to be refused.
/// </summary>
public static class DynamoReferenceIncludeRewriter
{
    private static readonly MethodInfo ContainsMethod
        = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2);

    private static readonly MethodInfo PropertyMethod = typeof(EF).GetMethod(nameof(EF.Property))!;

    // The type navigation expansion pairs the two sides of a join with.
    private static readonly Type TransparentIdentifierType
        = TransparentIdentifierFactory.Create(typeof(object), typeof(object)).GetGenericTypeDefinition();

    /// <summary>
    ///     <paramref name="query" /> without the includes of reference navigations on its main chain of operators, or
    ///     <see langword="null" /> when it has none.
    /// </summary>
    public static (Expression Query, IReadOnlyList<DynamoReferenceInclude> Includes)? TryRemove(Expression query)
    {
        if (query is not MethodCallExpression { Arguments.Count: > 0 } call)
        {
            return null;
        }

        if (IncludedReferences(call) is { } found)
        {
            return found;
        }

        return TryRemove(call.Arguments[0]) is var (source, includes)
            ? (call.Update(call.Object, [source, .. call.Arguments.Skip(1)]), includes)
            : null;
    }

    // source.Join(principals, ..., (o, i) => new TransparentIdentifier(o, i)).LeftJoin(...)
    //     .Select(t => Include(Include(t.Outer.Outer, Customer, t.Outer.Inner), Shipper, Include(t.Inner, ...)))
    private static (Expression Query, IReadOnlyList<DynamoReferenceInclude> Includes)? IncludedReferences(MethodCallExpression call)
    {
        if (call.Method.DeclaringType != typeof(Queryable)
            || call.Method.Name != nameof(Queryable.Select)
            || Lambda(call.Arguments[1]) is not { Body: IncludeExpression } selector)
        {
            return null;
        }

        var joined = new Dictionary<string, Expression>();
        var source = JoinedSources(call.Arguments[0], "", joined);
        if (joined.Count == 0
            || Split(selector.Body, joined) is not { } dependent
            || dependent.References.Count == 0
            || ElementType(source) != dependent.Path.Type)
        {
            return null;
        }

        return (WithCollections(source, dependent), dependent.References);
    }

    // The sets joined under each path of the transparent identifiers (".Outer.Inner"); returns the dependents' source.
    private static Expression JoinedSources(Expression source, string path, Dictionary<string, Expression> joined)
    {
        if (source is MethodCallExpression { Method.Name: nameof(Queryable.Join) or "LeftJoin", Arguments: [var outer, var inner, ..] } join
            && join.Method.DeclaringType == typeof(Queryable)
            && ElementType(join) is { IsGenericType: true } pair
            && pair.GetGenericTypeDefinition() == TransparentIdentifierType)
        {
            joined[path + ".Inner"] = inner;
            return JoinedSources(outer, path + ".Outer", joined);
        }

        return source;
    }

    // An entity with its includes: the references taken out, the collections (and owned navigations) kept.
    private static IncludedEntity? Split(Expression entity, Dictionary<string, Expression> joined)
    {
        if (entity is not IncludeExpression include)
        {
            return PathOf(entity) == null ? null : new IncludedEntity(entity);
        }

        if (Split(include.EntityExpression, joined) is not { } split)
        {
            return null;
        }

        if (include.Navigation is not INavigation { IsCollection: false, ForeignKey.IsOwnership: false } navigation)
        {
            split.Kept.Add(include);
            return split;
        }

        if (Split(include.NavigationExpression, joined) is not { } principal
            || !joined.TryGetValue(PathOf(principal.Path)!, out var principals))
        {
            return null;
        }

        var key = navigation.TargetEntityType.GetPartitionKeyProperty();
        var keys = new QueryParameterExpression(KeysParameterName(navigation), key.ClrType.MakeArrayType());
        split.References.Add(new DynamoReferenceInclude(navigation, WithCollections(WithKeys(principals, key, keys), principal), keys, principal.References));
        return split;
    }

    // principals.Where(p => @keys.Contains(EF.Property<TKey>(p, "PartitionKey")))
    private static MethodCallExpression WithKeys(Expression principals, IProperty key, QueryParameterExpression keys)
    {
        var principalType = ElementType(principals);
        var principal = Expression.Parameter(principalType, "p");
        var predicate = Expression.Lambda(
            Expression.Call(
                ContainsMethod.MakeGenericMethod(key.ClrType),
                keys,
                Expression.Call(PropertyMethod.MakeGenericMethod(key.ClrType), principal, Expression.Constant(key.Name))),
            principal);
        return Expression.Call(
            QueryableMethods.Where.MakeGenericMethod(principalType), principals, Expression.Quote(predicate));
    }

    // source.Select(e => Include(e, Lines, ...)) with the collections kept on the entity, the entity's path in them
    // replaced by the selector's parameter; the source itself when none is kept.
    private static Expression WithCollections(Expression source, IncludedEntity entity)
    {
        if (entity.Kept.Count == 0)
        {
            return source;
        }

        var parameter = Expression.Parameter(ElementType(source), "e");
        var path = new PathReplacer(PathOf(entity.Path)!, parameter);
        var body = entity.Kept.Aggregate((Expression)parameter, (included, include) => include.Update(included, path.Visit(include.NavigationExpression)));
        return Expression.Call(
            QueryableMethods.Select.MakeGenericMethod(parameter.Type, parameter.Type), source, Expression.Quote(Expression.Lambda(body, parameter)));
    }

    // The path of a member of the transparent identifiers, ".Outer.Inner"; "" for the selector's parameter itself.
    private static string? PathOf(Expression expression)
        => expression switch
        {
            ParameterExpression => "",
            MemberExpression { Member.Name: "Outer" or "Inner", Expression: { } inner } member when PathOf(inner) is { } path => path + "." + member.Member.Name,
            _ => null
        };

    // The entity type of a query: T of its IQueryable<T>.
    private static Type ElementType(Expression query) => query.Type.GetGenericArguments()[0];

    private static string KeysParameterName(INavigation navigation)
        => $"__include_{navigation.DeclaringEntityType.ShortName()}_{navigation.Name}_keys";

    // An entity of the selector, at a path of the transparent identifiers, with its includes.
    private sealed class IncludedEntity(Expression path)
    {
        public Expression Path { get; } = path;

        public List<IncludeExpression> Kept { get; } = [];

        public List<DynamoReferenceInclude> References { get; } = [];
    }

    private sealed class PathReplacer(string path, ParameterExpression parameter) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) => PathOf(node) == path ? parameter : base.VisitMember(node);
    }
}

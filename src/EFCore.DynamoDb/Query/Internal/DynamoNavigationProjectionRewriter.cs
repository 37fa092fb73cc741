using static EFCore.DynamoDb.Query.Internal.DynamoLinqExpressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Serves collection navigations inside a projection (<c>Select(c => new { c.Name, Recent = c.Orders.OrderByDescending(o
///     => o.Sk).Take(3) })</c>) with the reads of a collection <c>Include</c>, and hands reference navigations to
///     <see cref="DynamoReferenceProjectionRewriter" />: the principals' query becomes the query of
///     the principals with each projected navigation included (the operators DynamoDB can answer, <c>Where</c>, ordering
///     and <c>Take</c>, go into the include's <c>Query</c>), and the projection is run on each principal afterwards, over
///     its loaded navigation. The projection applies the navigation's operators again on the client (they are idempotent
///     on what the include read), which also serves what the include cannot answer (a <c>Select</c>, <c>Count</c>, a
///     condition on the principal) and keeps the result right when the change tracker fixes up other dependents.
/// </summary>
public static class DynamoNavigationProjectionRewriter
{
    private static readonly MethodInfo SelectMethod = typeof(Queryable).GetMethods()
        .Single(m => m.Name == nameof(Queryable.Select) && m.GetParameters()[1].ParameterType.GetGenericArguments()[0].GetGenericArguments().Length == 2);

    private static readonly MethodInfo CollectionMethod = typeof(DynamoNavigationProjectionRewriter).GetMethod(nameof(Collection))!;

    // The operators on the principals after the projection, each keeping the element it is given.
    private static readonly HashSet<string> ElementPreserving =
    [
        nameof(Queryable.Take), nameof(Queryable.Skip), nameof(Queryable.First), nameof(Queryable.FirstOrDefault),
        nameof(Queryable.Single), nameof(Queryable.SingleOrDefault)
    ];

    // The dependents' operators an include's Query answers.
    private static readonly HashSet<string> IncludeOperators =
    [
        nameof(Queryable.Where), nameof(Queryable.OrderBy), nameof(Queryable.OrderByDescending), nameof(Queryable.ThenBy),
        nameof(Queryable.ThenByDescending), nameof(Queryable.Take)
    ];

    /// <summary>
    ///     The query of the principals with the projected navigations included, and the projection to run on each, or
    ///     <see langword="null" /> when the query's projection holds no collection navigation that can be served so.
    /// </summary>
    public static (Expression Query, LambdaExpression Projection)? TryRewrite(Expression query)
    {
        if (query is not MethodCallExpression { Arguments.Count: > 0 } call)
        {
            return null;
        }

        // ToPageAsync pages the principals, one result each.
        if (DynamoQueryOperators.IsOperator(call) && call.Method.Name == nameof(DynamoDbQueryableExtensions.WithPage))
        {
            return TryRewrite(call.Arguments[0]) is var (paged, projected)
                ? (Expression.Call(call.Method.GetGenericMethodDefinition().MakeGenericMethod(projected.Parameters[0].Type), [paged, .. call.Arguments.Skip(1)]),
                    projected)
                : null;
        }

        if (call.Method.DeclaringType != typeof(Queryable))
        {
            return null;
        }

        if (call.Method.Name == nameof(Queryable.Select)
            && Lambda(call.Arguments[1]) is { Parameters: [var pair] } joinedSelector
            && DynamoReferenceProjectionRewriter.IsJoinedPair(pair.Type))
        {
            return DynamoReferenceProjectionRewriter.TryRewrite(call, joinedSelector);
        }

        if (call.Method.Name == nameof(Queryable.Select)
            && Lambda(call.Arguments[1]) is { Parameters: [var principal] } selector
            && new ProjectedNavigationFinder(principal).Rewrite(selector.Body) is var (projection, includes))
        {
            var included = Expression.Lambda(includes, principal);
            return (Expression.Call(SelectMethod.MakeGenericMethod(principal.Type, principal.Type), call.Arguments[0], Expression.Quote(included)),
                Expression.Lambda(projection, principal));
        }

        if (ElementPreserving.Contains(call.Method.Name)
            && call.Arguments.Skip(1).All(a => Lambda(a) == null)
            && TryRewrite(call.Arguments[0]) is var (source, found))
        {
            var elementType = found.Parameters[0].Type;
            return (Expression.Call(call.Method.GetGenericMethodDefinition().MakeGenericMethod(elementType), [source, .. call.Arguments.Skip(1)]), found);
        }

        return null;
    }

    /// <summary>
    ///     Whether a projection holds what the client cannot run: a query of its own, an include (a navigation no rewriter
    ///     served).
    /// </summary>
    public static bool HoldsQuery(Expression projection) => new UnservedNodeFinder().Finds(projection);

    /// <summary>The navigation's collection as the projection reads it: empty when nothing was loaded into it.</summary>
    public static TCollection Collection<TCollection>(TCollection? collection, IClrCollectionAccessor accessor)
        where TCollection : class
        => collection ?? (TCollection)accessor.Create();

    // Replaces each projected navigation (navigation expansion's subquery correlated to the principal) with the
    // operators applied on the client to the principal's navigation, and collects the include each navigation needs.
    private sealed class ProjectedNavigationFinder(ParameterExpression principal) : ExpressionVisitor
    {
        private readonly Dictionary<INavigation, Expression> _includes = [];
        private bool _refused;

        public (Expression Projection, Expression Includes)? Rewrite(Expression body)
        {
            var projection = Visit(body)!;
            if (_refused || _includes.Count == 0 || HoldsQuery(projection))
            {
                return null;
            }

            Expression entity = principal;
            foreach (var (navigation, dependents) in _includes)
            {
                entity = new IncludeExpression(
                    entity, new MaterializeCollectionNavigationExpression(dependents, navigation), navigation, setLoaded: false);
            }

            return (projection, entity);
        }

        public override Expression? Visit(Expression? node)
        {
            if (_refused || node == null)
            {
                return node;
            }

            if (Operators(node) is var (root, operators) && References(node, principal))
            {
                if (Serve(root, operators) is { } served)
                {
                    return served;
                }

                _refused = true;
                return node;
            }

            return base.Visit(node);
        }

        // The operators of a subquery, innermost first, after its root: the entity query root, or the navigation
        // expansion's own subquery of a navigation projected whole.
        private static (Expression Root, List<MethodCallExpression> Operators)? Operators(Expression node)
        {
            var operators = new List<MethodCallExpression>();
            while (node is MethodCallExpression { Object: null, Arguments.Count: > 0 } call
                   && (call.Method.DeclaringType == typeof(Queryable) || call.Method.DeclaringType == typeof(Enumerable)))
            {
                operators.Insert(0, call);
                node = call.Arguments[0];
            }

            if (node is MaterializeCollectionNavigationExpression materialize)
            {
                return Operators(materialize.Subquery) is var (root, inner) ? (root, [.. inner, .. operators]) : null;
            }

            return node is EntityQueryRootExpression ? (node, operators) : null;
        }

        // The operators keep the types the user's LINQ to objects gave them (navigation expansion made them queryable).
        private Expression? Serve(Expression root, List<MethodCallExpression> operators)
        {
            if (operators is not [{ Method.Name: nameof(Queryable.Where) } correlation, ..]
                || Lambda(correlation.Arguments[1]) is not { Parameters: [var dependent] } filter
                || FindNavigation(((EntityQueryRootExpression)root).EntityType, filter, dependent) is not { PropertyInfo: { } property } navigation)
            {
                return null;
            }

            // The include's Query takes the operators it answers, up to the first that refers to the principal; a
            // navigation projected twice with other operators is included with its correlation alone.
            var answered = operators.Skip(1)
                .TakeWhile(o => o.Method.DeclaringType == typeof(Queryable) && IncludeOperators.Contains(o.Method.Name)
                    && !o.Arguments.Skip(1).Any(a => References(a, principal)))
                .Count();

            // What follows a Take applies to the items it kept: a later condition or order stays on the client.
            var take = operators.Skip(1).Take(answered).ToList().FindIndex(o => o.Method.Name == nameof(Queryable.Take));
            answered = take < 0 ? answered : take + 1;
            var dependents = operators.Take(answered + 1).Aggregate(root, (source, o) => o.Update(null, [source, .. o.Arguments.Skip(1)]));
            _includes[navigation] = _includes.TryGetValue(navigation, out var other) && !ExpressionEqualityComparer.Instance.Equals(other, dependents)
                ? correlation
                : dependents;

            Expression collection = Expression.Call(
                CollectionMethod.MakeGenericMethod(property.PropertyType),
                Expression.Property(principal, property),
                Expression.Constant(navigation.GetCollectionAccessor(), typeof(IClrCollectionAccessor)));
            foreach (var o in operators.Skip(1))
            {
                if (OnClient(o, collection) is not { } next)
                {
                    return null;
                }

                collection = next;
            }

            return collection;
        }

        // The collection navigation whose correlation navigation expansion wrote as the subquery's first condition, in
        // its own form: EF.Property(principal, key) != null and object.Equals(EF.Property(principal, key),
        // EF.Property(dependent, foreignKey)). A condition the user wrote (o.CustomerId == c.Id) is not taken for one.
        private INavigation? FindNavigation(IEntityType dependentType, LambdaExpression filter, ParameterExpression dependent)
        {
            var pairs = new HashSet<(string Principal, string Dependent)>();
            foreach (var conjunct in Conjuncts(filter.Body).Where(c => References(c, principal)))
            {
                switch (conjunct)
                {
                    case BinaryExpression { NodeType: ExpressionType.NotEqual, Right: ConstantExpression { Value: null } } notNull
                        when PropertyOf(notNull.Left, principal) != null:
                        break;
                    case MethodCallExpression { Method.Name: nameof(Equals), Object: null, Arguments: [var left, var right] }
                        when PropertyOf(left, principal) is { } key && PropertyOf(right, dependent) is { } foreignKey:
                        pairs.Add((key, foreignKey));
                        break;
                    default:
                        return null;
                }
            }

            return dependentType.GetForeignKeys()
                .Where(fk => fk.PrincipalToDependent is { IsCollection: true }
                    && fk.PrincipalEntityType.ClrType.IsAssignableFrom(principal.Type)
                    && pairs.SetEquals(fk.PrincipalKey.Properties.Select((p, i) => (p.Name, fk.Properties[i].Name))))
                .Select(fk => fk.PrincipalToDependent)
                .FirstOrDefault();
        }

        private static string? PropertyOf(Expression expression, ParameterExpression entity)
        {
            while (expression is UnaryExpression { NodeType: ExpressionType.Convert } convert)
            {
                expression = convert.Operand;
            }

            return expression is MethodCallExpression call && call.TryGetEFPropertyArguments(out var source, out var name) && source == entity
                ? name
                : null;
        }

        private static IEnumerable<Expression> Conjuncts(Expression predicate)
            => predicate is BinaryExpression { NodeType: ExpressionType.AndAlso } and
                ? Conjuncts(and.Left).Concat(Conjuncts(and.Right))
                : [predicate];

        // The LINQ-to-objects counterpart of a queryable operator: the same name and arity, its lambdas compiled.
        private static MethodCallExpression? OnClient(MethodCallExpression queryable, Expression source)
        {
            var arguments = queryable.Arguments.Skip(1).Select(a => Lambda(a) ?? a).ToList();
            if (queryable.Method.DeclaringType == typeof(Enumerable))
            {
                return Expression.Call(queryable.Method, [source, .. arguments]);
            }

            var genericArguments = queryable.Method.GetGenericArguments();
            var method = typeof(Enumerable).GetMethods()
                .Where(m => m.Name == queryable.Method.Name
                    && m.GetParameters().Length == queryable.Arguments.Count
                    && m.IsGenericMethodDefinition
                    && m.GetGenericArguments().Length == genericArguments.Length)
                .Select(m => m.MakeGenericMethod(genericArguments))
                .FirstOrDefault(m => m.GetParameters().Skip(1).Select(p => p.ParameterType).SequenceEqual(arguments.Select(a => a.Type)));
            return method == null ? null : Expression.Call(method, [source, .. arguments]);
        }
    }

    // What a projection run on the client cannot hold: a query of its own (a navigation the rewriter did not serve).
    private sealed class UnservedNodeFinder : ExpressionVisitor
    {
        private bool _found;

        public bool Finds(Expression expression)
        {
            Visit(expression);
            return _found;
        }

        protected override Expression VisitExtension(Expression node)
        {
            _found |= node is EntityQueryRootExpression or MaterializeCollectionNavigationExpression or IncludeExpression;
            return node.CanReduce ? base.VisitExtension(node) : node;
        }
    }
}

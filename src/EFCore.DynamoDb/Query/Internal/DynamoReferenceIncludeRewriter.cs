namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Takes an <c>Include</c> of one reference navigation out of the query that navigation expansion made of it: the
///     join to the principal's set and the <c>Select</c> of the <see cref="IncludeExpression" /> leave the dependents'
///     query alone, and the navigation is returned so that the principals are read by key after it. Any other shape
///     (<c>ThenInclude</c>, several includes, an include inside a projection) is left as it is, to be refused.
/// </summary>
public static class DynamoReferenceIncludeRewriter
{
    /// <summary>
    ///     <paramref name="query" /> without the include of a reference navigation on its main chain of operators, or
    ///     <see langword="null" /> when it has none.
    /// </summary>
    public static (Expression Query, INavigation Navigation)? TryRemove(Expression query)
    {
        if (query is not MethodCallExpression { Arguments.Count: > 0 } call)
        {
            return null;
        }

        if (IncludedReference(call) is { } found)
        {
            return found;
        }

        return TryRemove(call.Arguments[0]) is var (source, navigation)
            ? (call.Update(call.Object, [source, .. call.Arguments.Skip(1)]), navigation)
            : null;
    }

    // source.Join(principals, ..., (o, i) => new TransparentIdentifier(o, i)).Select(t => Include(t.Outer, navigation, t.Inner))
    private static (Expression Query, INavigation Navigation)? IncludedReference(MethodCallExpression call)
        => call.Method.DeclaringType == typeof(Queryable)
            && call.Method.Name == nameof(Queryable.Select)
            && call.Arguments[0] is MethodCallExpression { Method.Name: nameof(Queryable.Join) or "LeftJoin" } join
            && join.Method.DeclaringType == typeof(Queryable)
            && Lambda(call.Arguments[1]) is
            {
                Body: IncludeExpression
                {
                    Navigation: INavigation { IsCollection: false, ForeignKey.IsOwnership: false } navigation,
                    EntityExpression: MemberExpression { Member.Name: "Outer" },
                    NavigationExpression: MemberExpression { Member.Name: "Inner" }
                }
            }
                ? (join.Arguments[0], navigation)
                : null;

    private static LambdaExpression? Lambda(Expression argument)
        => argument is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand as LambdaExpression : argument as LambdaExpression;
}

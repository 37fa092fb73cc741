namespace EFCore.DynamoDb.Query.Internal;

/// <summary>Builds the LINQ operator that folds a query's projected values, such as <c>Enumerable.Sum(IEnumerable&lt;int&gt;)</c>.</summary>
public static class DynamoAggregateOperators
{
    /// <summary>
    ///     <see cref="Create{TValue, TResult}" />, for the shaper to call with the query's value and result types.
    /// </summary>
    public static readonly MethodInfo CreateMethod = typeof(DynamoAggregateOperators).GetMethod(nameof(Create))!;

    /// <summary>
    ///     LINQ's <paramref name="operatorName" /> (<c>Min</c>, <c>Max</c>, <c>Sum</c> or <c>Average</c>) over a
    ///     sequence of <typeparamref name="TValue" />, returning <typeparamref name="TResult" />.
    /// </summary>
    public static Func<IEnumerable<TValue>, TResult> Create<TValue, TResult>(string operatorName)
    {
        var methods = typeof(Enumerable).GetMethods()
            .Where(m => m.Name == operatorName && m.GetParameters().Length == 1)
            .ToList();
        var method = methods.FirstOrDefault(m => !m.IsGenericMethodDefinition && m.GetParameters()[0].ParameterType == typeof(IEnumerable<TValue>))
            ?? methods.Single(m => m.IsGenericMethodDefinition && m.GetGenericArguments().Length == 1).MakeGenericMethod(typeof(TValue));

        var parameter = Expression.Parameter(typeof(IEnumerable<TValue>), "values");
        Expression body = Expression.Call(method, parameter);
        if (body.Type != typeof(TResult))
        {
            body = Expression.Convert(body, typeof(TResult));
        }

        return Expression.Lambda<Func<IEnumerable<TValue>, TResult>>(body, parameter).Compile();
    }
}

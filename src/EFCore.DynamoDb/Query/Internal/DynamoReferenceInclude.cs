namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     An <c>Include</c> of a reference navigation taken out of the dependents' query: the principals' query, which reads
///     the principals whose partition keys are in <paramref name="KeysParameter" />, set to the dependents' distinct
///     foreign-key values when the query runs.
/// </summary>
/// <param name="Navigation">The included reference navigation.</param>
/// <param name="Principals">
///     The principals' query (untranslated when taken out, translated once the dependents' query is): the principal's
///     set as navigation expansion joined it (with its query filter, unless ignored), restricted to the keys, then any
///     collection <c>ThenInclude</c> of the principals.
/// </param>
/// <param name="KeysParameter">The parameter holding the principals' partition keys, an array of the key's type.</param>
/// <param name="ThenIncludes">
///     The reference <c>ThenInclude</c>s of the principals, taken out with them; once translated, they are included in
///     the principals' query.
/// </param>
public sealed record DynamoReferenceInclude(
    INavigation Navigation,
    Expression Principals,
    QueryParameterExpression KeysParameter,
    IReadOnlyList<DynamoReferenceInclude> ThenIncludes);

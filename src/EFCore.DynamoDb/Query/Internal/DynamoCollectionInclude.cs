namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     An <c>Include</c> of a collection navigation taken out of the principals' query: the dependents' query of one
///     principal, with the parameters that hold the principal's key (one per foreign-key property, in order).
/// </summary>
/// <param name="Navigation">The included collection navigation.</param>
/// <param name="Dependents">
///     The dependents' query (untranslated when taken out, translated once the principals' query is): the foreign key
///     equal to <paramref name="KeyParameters" />, then the operators of a filtered include and any <c>ThenInclude</c>.
/// </param>
/// <param name="KeyParameters">The parameters the foreign key is compared with, set per principal.</param>
/// <param name="SetLoaded">Whether the navigation is marked loaded (not for a filtered include).</param>
public sealed record DynamoCollectionInclude(
    INavigation Navigation,
    Expression Dependents,
    IReadOnlyList<QueryParameterExpression> KeyParameters,
    bool SetLoaded);

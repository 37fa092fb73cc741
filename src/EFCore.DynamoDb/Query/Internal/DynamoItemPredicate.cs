using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Evaluates a condition on a returned item, with DynamoDB's semantics. A <c>Query</c> may not filter on its own
///     key attributes, so conditions on them beyond the key condition (a second bound, <c>&lt;&gt;</c>, <c>contains</c>
///     …) are applied here, to the items the Query returns. The condition is compiled once per execution.
///     The parameter values are read from <paramref name="parameters" />.
/// </summary>
public sealed class DynamoItemPredicate(DynamoExpression condition, IReadOnlyDictionary<string, object?> parameters)
{
    private readonly Func<Dictionary<string, AttributeValue>, bool> _matches = DynamoItemPredicateCompiler.Compile(condition, parameters);

    /// <summary>Whether the condition holds on <paramref name="item" />.</summary>
    public bool Matches(Dictionary<string, AttributeValue> item) => _matches(item);
}

using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     What a query from <c>FromPartiQL</c> reads: the statement, the query parameter holding its values, and its
///     shape: whether a <c>Where</c> can be added to it (a plain <c>SELECT … FROM … [WHERE …]</c>) and whether it may
///     drop items DynamoDB reads (a <c>WHERE</c>, or a shape the provider does not know).
/// </summary>
public sealed class DynamoPartiQLSource(DynamoPartiQLStatement statement, QueryParameterExpression values)
{
    /// <summary>The statement, its values as <c>?</c>.</summary>
    public DynamoPartiQLStatement Statement { get; } = statement;

    /// <summary>The query parameter holding the values of the statement's holes.</summary>
    public QueryParameterExpression Values { get; } = values;

    /// <summary>Whether a condition can be joined to the statement with <c>AND</c>.</summary>
    public bool IsComposable { get; } = DynamoPartiQLComposition.IsComposable(statement.Skeleton);

    /// <summary>Whether the statement may read items it does not return, so that DynamoDB's <c>Limit</c> cannot bound what it returns.</summary>
    public bool MayFilter => !IsComposable || DynamoPartiQLComposition.HasWhere(Statement.Skeleton);

    /// <summary>This execution's values of the statement's holes.</summary>
    public object?[] Evaluate(QueryContext queryContext) => (object?[])queryContext.Parameters[Values.Name]!;
}

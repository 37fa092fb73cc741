namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>What a query returns.</summary>
public enum DynamoResultKind
{
    /// <summary>The matching items, materialized.</summary>
    Items,

    /// <summary>The number of matching items (<c>Select=COUNT</c>), as <see cref="int" /> or <see cref="long" />.</summary>
    Count,

    /// <summary>Whether any item matches.</summary>
    Any,

    /// <summary><c>Min</c>, <c>Max</c>, <c>Sum</c> or <c>Average</c> of a projected value, computed as the items stream in.</summary>
    Aggregate
}

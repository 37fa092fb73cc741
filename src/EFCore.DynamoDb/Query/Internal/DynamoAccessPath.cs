namespace EFCore.DynamoDb.Query.Internal;

/// <summary>How DynamoDB answers a query, cheapest first.</summary>
public enum DynamoAccessPath
{
    /// <summary>The full primary key is fixed by equalities: one <c>GetItem</c>.</summary>
    GetItem,

    /// <summary>The partition key is fixed: <c>Query</c>, with the sort key condition if any.</summary>
    Query,

    /// <summary>No key is fixed: <c>Scan</c> the table and filter.</summary>
    Scan
}

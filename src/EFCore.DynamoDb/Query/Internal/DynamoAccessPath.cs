namespace EFCore.DynamoDb.Query.Internal;

/// <summary>How DynamoDB answers a query, cheapest first.</summary>
public enum DynamoAccessPath
{
    /// <summary>The full primary key is fixed by equalities: one <c>GetItem</c>.</summary>
    GetItem,

    /// <summary>Full keys come from a local collection: <c>BatchGetItem</c>, 100 keys a request.</summary>
    BatchGetItem,

    /// <summary>The partition key is fixed: <c>Query</c>, with the sort key condition if any.</summary>
    Query,

    /// <summary>No key is fixed: <c>Scan</c> the table and filter.</summary>
    Scan,

    /// <summary>A <c>FromPartiQL</c> statement: <c>ExecuteStatement</c>, with the query's conditions joined to it.</summary>
    ExecuteStatement
}

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>The DynamoDB operation a <see cref="DynamoReadCommand" /> is sent as.</summary>
public enum DynamoReadOperation
{
    /// <summary>One item by its full primary key.</summary>
    GetItem,

    /// <summary>Items by their full primary keys, 100 keys a request.</summary>
    BatchGetItem,

    /// <summary>The items of one partition of the table or of a secondary index.</summary>
    Query,

    /// <summary>Every item of the table or of a secondary index, or of one segment of it.</summary>
    Scan,

    /// <summary>A PartiQL statement (<c>ExecuteStatement</c>), paged by its <c>NextToken</c>.</summary>
    ExecuteStatement
}

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>The DynamoDB write an entry becomes.</summary>
public enum DynamoWriteKind
{
    /// <summary><c>PutItem</c>: an added entity.</summary>
    Put,

    /// <summary><c>UpdateItem</c>: a modified entity.</summary>
    Update,

    /// <summary><c>DeleteItem</c>: a deleted entity.</summary>
    Delete
}

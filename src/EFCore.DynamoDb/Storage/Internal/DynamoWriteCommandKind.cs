namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>What a <see cref="DynamoWriteCommand" /> does to its item.</summary>
public enum DynamoWriteCommandKind
{
    /// <summary>Writes the whole item: <c>PutItem</c>, a <c>Put</c> in a transaction, a <c>PutRequest</c> in a batch.</summary>
    Put,

    /// <summary>Changes attributes of the item: <c>UpdateItem</c>, an <c>Update</c> in a transaction.</summary>
    Update,

    /// <summary>Removes the item: <c>DeleteItem</c>, a <c>Delete</c> in a transaction, a <c>DeleteRequest</c> in a batch.</summary>
    Delete,

    /// <summary>
    ///     Only checks the condition: a <c>ConditionCheck</c> in a transaction; alone, an <c>UpdateItem</c> without an
    ///     update expression, DynamoDB's only way to check a condition on a single item.
    /// </summary>
    ConditionCheck
}

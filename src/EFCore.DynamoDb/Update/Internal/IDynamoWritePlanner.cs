namespace EFCore.DynamoDb.Update.Internal;

/// <summary>Turns a changed item (an entry and its owned entities) into the DynamoDB write that persists it.</summary>
public interface IDynamoWritePlanner
{
    /// <summary>
    ///     The write of one item: <c>PutItem</c>, <c>UpdateItem</c> or <c>DeleteItem</c>, with its condition.
    /// </summary>
    DynamoWrite Plan(DynamoAggregate aggregate);
}

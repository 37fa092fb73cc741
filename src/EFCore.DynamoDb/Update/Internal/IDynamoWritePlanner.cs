namespace EFCore.DynamoDb.Update.Internal;

/// <summary>Turns a changed item (an entry and its owned entities) into the DynamoDB write that persists it.</summary>
public interface IDynamoWritePlanner
{
    DynamoWrite Plan(DynamoAggregate aggregate);
}

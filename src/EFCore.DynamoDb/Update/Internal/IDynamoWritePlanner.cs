namespace EFCore.DynamoDb.Update.Internal;

/// <summary>Turns a changed entry into the DynamoDB write that persists it, validating it first.</summary>
public interface IDynamoWritePlanner
{
    DynamoWrite Plan(IUpdateEntry entry);
}

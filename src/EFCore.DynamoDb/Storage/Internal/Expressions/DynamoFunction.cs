namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary>The DynamoDB condition functions that take an attribute and a value.</summary>
public enum DynamoFunction
{
    /// <summary><c>begins_with(a, v)</c>: <c>StartsWith</c>; usable in a key condition on the sort key.</summary>
    BeginsWith,

    /// <summary><c>contains(a, v)</c>: <c>Contains</c> on a string, set or list.</summary>
    Contains
}

using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     One page of a read: its items (empty for <c>Select=COUNT</c>), how many matched, how many were read, and the
///     command that reads the next page (resuming after the last evaluated key, or with the keys left), or
///     <see langword="null" /> once there is nothing more to read.
/// </summary>
public sealed record DynamoReadPage(List<Dictionary<string, AttributeValue>> Items, int Count, int ScannedCount, DynamoReadCommand? Next)
{
    /// <summary>Whether DynamoDB has more to read after this page.</summary>
    public bool HasMore => Next != null;
}

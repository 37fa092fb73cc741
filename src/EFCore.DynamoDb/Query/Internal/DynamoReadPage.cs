using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>One page of a read: its items (empty for <c>Select=COUNT</c>), how many matched, and how many were read.</summary>
public sealed record DynamoReadPage(List<Dictionary<string, AttributeValue>> Items, int Count, int ScannedCount);

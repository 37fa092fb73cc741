// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore.Metadata;

/// <summary>The kind of a DynamoDB secondary index.</summary>
public enum DynamoIndexKind
{
    /// <summary>A global secondary index: its own partition key and optional sort key, and its own throughput.</summary>
    Global,

    /// <summary>A local secondary index: the table's partition key with another sort key; created with the table only.</summary>
    Local
}

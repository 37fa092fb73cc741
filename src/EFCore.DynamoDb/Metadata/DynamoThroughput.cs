// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore.Metadata;

/// <summary>The provisioned read and write capacity of a table or a global secondary index.</summary>
/// <param name="ReadCapacityUnits">Strongly consistent reads of up to 4 KB per second.</param>
/// <param name="WriteCapacityUnits">Writes of up to 1 KB per second.</param>
public readonly record struct DynamoThroughput(long ReadCapacityUnits, long WriteCapacityUnits);

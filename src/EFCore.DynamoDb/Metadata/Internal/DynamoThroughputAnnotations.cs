namespace EFCore.DynamoDb.Metadata.Internal;

/// <summary>
///     Stores a <see cref="DynamoThroughput" /> as two plain number annotations (on an entity type for its table, on
///     an index for a global index), so that it survives into runtime and compiled models unchanged.
/// </summary>
public static class DynamoThroughputAnnotations
{
    /// <summary>A throughput from builder arguments; DynamoDB needs at least one unit of each.</summary>
    public static DynamoThroughput Create(long readCapacityUnits, long writeCapacityUnits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(readCapacityUnits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(writeCapacityUnits, 1);
        return new DynamoThroughput(readCapacityUnits, writeCapacityUnits);
    }

    /// <summary>
    ///     The throughput stored on <paramref name="annotatable" />; <see langword="null" /> when none is (on-demand
    ///     billing).
    /// </summary>
    public static DynamoThroughput? Get(IReadOnlyAnnotatable annotatable)
        => annotatable[DynamoAnnotationNames.ReadCapacityUnits] is long read
            && annotatable[DynamoAnnotationNames.WriteCapacityUnits] is long write
                ? new DynamoThroughput(read, write)
                : null;

    /// <summary>
    ///     Stores <paramref name="throughput" /> on <paramref name="annotatable" />, or removes it when <see
    ///     langword="null" />.
    /// </summary>
    public static void Set(IMutableAnnotatable annotatable, DynamoThroughput? throughput)
    {
        annotatable.SetOrRemoveAnnotation(DynamoAnnotationNames.ReadCapacityUnits, throughput?.ReadCapacityUnits);
        annotatable.SetOrRemoveAnnotation(DynamoAnnotationNames.WriteCapacityUnits, throughput?.WriteCapacityUnits);
    }
}

using EFCore.DynamoDb.Metadata.Internal;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
///     Reads the DynamoDB secondary indexes of an entity type. They are EF indexes annotated with their kind
///     (global or local), projection and throughput; indexes without a kind are not DynamoDB indexes.
/// </summary>
public static class DynamoDbIndexExtensions
{
    /// <summary>Whether the index is a global or a local secondary index; <see langword="null" /> for any other EF index.</summary>
    public static DynamoIndexKind? GetDynamoIndexKind(this IReadOnlyIndex index)
        => (DynamoIndexKind?)index[DynamoAnnotationNames.IndexKind];

    /// <summary>Sets the kind on a mutable index.</summary>
    public static void SetDynamoIndexKind(this IMutableIndex index, DynamoIndexKind? kind)
        => index.SetOrRemoveAnnotation(DynamoAnnotationNames.IndexKind, kind);

    /// <summary>Which attributes the index copies; <see cref="DynamoProjectionType.All" /> unless configured.</summary>
    public static DynamoProjectionType GetProjectionType(this IReadOnlyIndex index)
        => (DynamoProjectionType?)index[DynamoAnnotationNames.IndexProjection] ?? DynamoProjectionType.All;

    /// <summary>
    ///     The properties an <see cref="DynamoProjectionType.Include" /> projection copies besides the keys, by name;
    ///     empty for the other projections.
    /// </summary>
    public static IReadOnlyList<string> GetIncludedPropertyNames(this IReadOnlyIndex index)
        => index.GetProjectionType() == DynamoProjectionType.Include
            ? (IReadOnlyList<string>?)index[DynamoAnnotationNames.IndexIncludedProperties] ?? []
            : [];

    /// <summary>Sets the projection on a mutable index; <paramref name="includedPropertyNames" /> only for Include.</summary>
    public static void SetProjection(this IMutableIndex index, DynamoProjectionType projection, IReadOnlyList<string>? includedPropertyNames = null)
    {
        index.SetAnnotation(DynamoAnnotationNames.IndexProjection, projection);
        index.SetOrRemoveAnnotation(
            DynamoAnnotationNames.IndexIncludedProperties,
            projection == DynamoProjectionType.Include ? includedPropertyNames?.ToArray() : null);
    }

    /// <summary>The throughput configured for a global secondary index itself, if any (see also the table's).</summary>
    public static DynamoThroughput? GetProvisionedThroughput(this IReadOnlyIndex index)
        => DynamoThroughputAnnotations.Get(index);

    /// <summary>Sets the throughput of a global secondary index.</summary>
    public static void SetProvisionedThroughput(this IMutableIndex index, DynamoThroughput? throughput)
        => DynamoThroughputAnnotations.Set(index, throughput);

    /// <summary>
    ///     The index's partition key attributes, in key order: the leading properties of a global index (one, or up to
    ///     four for a multi-attribute key), the table's partition key for a local one.
    /// </summary>
    public static IReadOnlyList<IReadOnlyProperty> GetPartitionKeyProperties(this IReadOnlyIndex index)
        => index.GetDynamoIndexKind() == DynamoIndexKind.Local
            ? [index.DeclaringEntityType.GetPartitionKeyProperty()!]
            : [.. index.Properties.Take(PartitionKeyCount(index))];

    /// <summary>
    ///     The index's sort key attributes, in key order; empty when it has none: the property of a local index, the
    ///     properties after the partition attributes of a global one (up to four for a multi-attribute key).
    /// </summary>
    public static IReadOnlyList<IReadOnlyProperty> GetSortKeyProperties(this IReadOnlyIndex index)
        => index.GetDynamoIndexKind() == DynamoIndexKind.Local
            ? [index.Properties[0]]
            : [.. index.Properties.Skip(PartitionKeyCount(index))];

    /// <inheritdoc cref="GetPartitionKeyProperties(IReadOnlyIndex)" />
    public static IReadOnlyList<IProperty> GetPartitionKeyProperties(this IIndex index)
        => [.. ((IReadOnlyIndex)index).GetPartitionKeyProperties().Cast<IProperty>()];

    /// <inheritdoc cref="GetSortKeyProperties(IReadOnlyIndex)" />
    public static IReadOnlyList<IProperty> GetSortKeyProperties(this IIndex index)
        => [.. ((IReadOnlyIndex)index).GetSortKeyProperties().Cast<IProperty>()];

    /// <summary>
    ///     Sets how many of a global index's properties, from the first, are its partition attributes; the rest are its
    ///     sort attributes. One (the default) unless the index has a multi-attribute partition key.
    /// </summary>
    public static void SetPartitionKeyCount(this IMutableIndex index, int count)
        => index.SetOrRemoveAnnotation(DynamoAnnotationNames.IndexPartitionKeyCount, count == 1 ? null : count);

    /// <summary>
    ///     The index's partition key: its first property for a global index, the table's for a local one. For a
    ///     multi-attribute key, its first attribute (see <see cref="GetPartitionKeyProperties(IReadOnlyIndex)" />).
    /// </summary>
    public static IReadOnlyProperty GetPartitionKeyProperty(this IReadOnlyIndex index) => index.GetPartitionKeyProperties()[0];

    /// <summary>
    ///     The index's sort key, if it has one: the property of a local index, the one after the partition key of a
    ///     global one. For a multi-attribute key, its first attribute (see <see cref="GetSortKeyProperties(IReadOnlyIndex)" />).
    /// </summary>
    public static IReadOnlyProperty? GetSortKeyProperty(this IReadOnlyIndex index)
        => index.GetSortKeyProperties() is [var first, ..] ? first : null;

    /// <inheritdoc cref="GetPartitionKeyProperty(IReadOnlyIndex)" />
    public static IProperty GetPartitionKeyProperty(this IIndex index)
        => (IProperty)((IReadOnlyIndex)index).GetPartitionKeyProperty();

    /// <inheritdoc cref="GetSortKeyProperty(IReadOnlyIndex)" />
    public static IProperty? GetSortKeyProperty(this IIndex index)
        => (IProperty?)((IReadOnlyIndex)index).GetSortKeyProperty();

    /// <summary>The entity type's global secondary indexes, including those declared on base types.</summary>
    public static IEnumerable<IReadOnlyIndex> GetGlobalSecondaryIndexes(this IReadOnlyEntityType entityType)
        => entityType.GetIndexes().Where(i => i.GetDynamoIndexKind() == DynamoIndexKind.Global);

    /// <summary>The entity type's local secondary indexes, including those declared on base types.</summary>
    public static IEnumerable<IReadOnlyIndex> GetLocalSecondaryIndexes(this IReadOnlyEntityType entityType)
        => entityType.GetIndexes().Where(i => i.GetDynamoIndexKind() == DynamoIndexKind.Local);

    /// <inheritdoc cref="GetGlobalSecondaryIndexes(IReadOnlyEntityType)" />
    public static IEnumerable<IIndex> GetGlobalSecondaryIndexes(this IEntityType entityType)
        => entityType.GetIndexes().Where(i => i.GetDynamoIndexKind() == DynamoIndexKind.Global);

    /// <inheritdoc cref="GetLocalSecondaryIndexes(IReadOnlyEntityType)" />
    public static IEnumerable<IIndex> GetLocalSecondaryIndexes(this IEntityType entityType)
        => entityType.GetIndexes().Where(i => i.GetDynamoIndexKind() == DynamoIndexKind.Local);

    private static int PartitionKeyCount(IReadOnlyIndex index) => (int?)index[DynamoAnnotationNames.IndexPartitionKeyCount] ?? 1;
}

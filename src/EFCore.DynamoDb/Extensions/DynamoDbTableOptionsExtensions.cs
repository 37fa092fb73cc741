using EFCore.DynamoDb.Metadata.Internal;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
///     Reads the table options of an entity type: its billing (provisioned throughput or on demand) and its
///     time-to-live attribute. Derived types share their root's table, and so its options.
/// </summary>
public static class DynamoDbTableOptionsExtensions
{
    /// <summary>
    ///     The table's provisioned throughput; <see langword="null" /> means the table is billed per request (on demand),
    ///     the default.
    /// </summary>
    public static DynamoThroughput? GetProvisionedThroughput(this IReadOnlyEntityType entityType)
        => DynamoThroughputAnnotations.Get(entityType.GetRootType());

    /// <summary>Sets the table's provisioned throughput; <see langword="null" /> bills the table per request.</summary>
    public static void SetProvisionedThroughput(this IMutableEntityType entityType, DynamoThroughput? throughput)
        => DynamoThroughputAnnotations.Set(entityType, throughput);

    /// <summary>The name of the property whose attribute is the table's time-to-live attribute, if any.</summary>
    public static string? GetTimeToLivePropertyName(this IReadOnlyEntityType entityType)
        => (string?)entityType.GetRootType()[DynamoAnnotationNames.TimeToLiveProperty];

    /// <summary>Sets the time-to-live property by name.</summary>
    public static void SetTimeToLivePropertyName(this IMutableEntityType entityType, string? propertyName)
        => entityType.SetOrRemoveAnnotation(DynamoAnnotationNames.TimeToLiveProperty, propertyName);

    /// <summary>The property stored in the table's time-to-live attribute (as whole epoch seconds), if any.</summary>
    public static IReadOnlyProperty? GetTimeToLiveProperty(this IReadOnlyEntityType entityType)
        => entityType.GetTimeToLivePropertyName() is { } name ? entityType.FindProperty(name) : null;

    /// <inheritdoc cref="GetTimeToLiveProperty(IReadOnlyEntityType)" />
    public static IProperty? GetTimeToLiveProperty(this IEntityType entityType)
        => (IProperty?)((IReadOnlyEntityType)entityType).GetTimeToLiveProperty();
}

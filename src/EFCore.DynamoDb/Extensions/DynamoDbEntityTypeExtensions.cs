using EFCore.DynamoDb.Metadata.Internal;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Reads the DynamoDB mapping of an entity type: its table and key schema.</summary>
public static class DynamoDbEntityTypeExtensions
{
    /// <summary>
    ///     The table the entity type is stored in, before the context's <c>TableNamePrefix</c> is applied.
    ///     Derived types share their root's table.
    /// </summary>
    public static string GetDynamoTableName(this IReadOnlyEntityType entityType)
    {
        var root = entityType.GetRootType();
        return (string?)root[DynamoAnnotationNames.TableName] ?? root.ShortName();
    }

    /// <summary>Sets the table name on a mutable entity type.</summary>
    public static void SetDynamoTableName(this IMutableEntityType entityType, string? name)
        => entityType.SetOrRemoveAnnotation(DynamoAnnotationNames.TableName, name);

    /// <summary>The partition (hash) key: the first property of the primary key.</summary>
    public static IReadOnlyProperty? GetPartitionKeyProperty(this IReadOnlyEntityType entityType)
        => entityType.FindPrimaryKey()?.Properties[0];

    /// <summary>The sort (range) key: the second property of a two-property primary key, if any.</summary>
    public static IReadOnlyProperty? GetSortKeyProperty(this IReadOnlyEntityType entityType)
        => entityType.FindPrimaryKey()?.Properties is { Count: 2 } properties ? properties[1] : null;

    /// <inheritdoc cref="GetPartitionKeyProperty(IReadOnlyEntityType)" />
    public static IProperty GetPartitionKeyProperty(this IEntityType entityType)
        => entityType.FindPrimaryKey()!.Properties[0];

    /// <inheritdoc cref="GetSortKeyProperty(IReadOnlyEntityType)" />
    public static IProperty? GetSortKeyProperty(this IEntityType entityType)
        => entityType.FindPrimaryKey()!.Properties is { Count: 2 } properties ? properties[1] : null;

    /// <summary>The checks every saved entity of this type must pass, its base types' included.</summary>
    public static IReadOnlyList<DynamoEntityCheck> GetDynamoChecks(this IReadOnlyEntityType entityType)
        => entityType.GetAllBaseTypesInclusive()
            .SelectMany(t => (IReadOnlyList<DynamoEntityCheck>?)t[DynamoAnnotationNames.Checks] ?? [])
            .ToList();
}

using EFCore.DynamoDb.Metadata.Internal;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Reads the DynamoDB mapping of an entity type: its table, key schema and, for an owned type, its attribute.</summary>
public static class DynamoDbEntityTypeExtensions
{
    /// <summary>
    ///     The table the entity type is stored in, before the context's <c>TableNamePrefix</c> is applied.
    ///     Derived types share their root's table; owned types are stored inside their owner's items.
    /// </summary>
    public static string GetDynamoTableName(this IReadOnlyEntityType entityType)
    {
        var root = entityType.GetRootType();
        while (root.FindOwnership() is { } ownership)
        {
            root = ownership.PrincipalEntityType.GetRootType();
        }

        return (string?)root[DynamoAnnotationNames.TableName] ?? root.ShortName();
    }

    /// <summary>
    ///     The attribute of its owner's item (or of the enclosing owned map) that holds an owned entity type: a map, or a
    ///     list of maps for a collection; by default the name of the owning navigation.
    /// </summary>
    public static string? GetContainingAttributeName(this IReadOnlyEntityType entityType)
        => (string?)entityType[DynamoAnnotationNames.ContainingAttributeName] ?? entityType.FindOwnership()?.PrincipalToDependent?.Name;

    /// <summary>Sets the containing attribute name on a mutable owned entity type.</summary>
    public static void SetContainingAttributeName(this IMutableEntityType entityType, string? name)
        => entityType.SetOrRemoveAnnotation(DynamoAnnotationNames.ContainingAttributeName, name);

    /// <summary>Sets the table name on a mutable entity type.</summary>
    public static void SetDynamoTableName(this IMutableEntityType entityType, string? name)
        => entityType.SetOrRemoveAnnotation(DynamoAnnotationNames.TableName, name);

    /// <summary>The partition (hash) key: the first property of the primary key.</summary>
    public static IReadOnlyProperty? GetPartitionKeyProperty(this IReadOnlyEntityType entityType)
        => entityType.FindPrimaryKey()?.Properties[0];

    /// <summary>
    ///     The sort (range) key: the property of a constant sort key (<c>HasConstantSortKey</c>), else the second
    ///     property of a two-property primary key, if any.
    /// </summary>
    public static IReadOnlyProperty? GetSortKeyProperty(this IReadOnlyEntityType entityType)
        => entityType.GetRootType()[DynamoAnnotationNames.ConstantSortKey] is string constantSortKey
            ? entityType.FindProperty(constantSortKey)
            : entityType.FindPrimaryKey()?.Properties is { Count: 2 } properties ? properties[1] : null;

    /// <inheritdoc cref="GetPartitionKeyProperty(IReadOnlyEntityType)" />
    public static IProperty GetPartitionKeyProperty(this IEntityType entityType)
        => entityType.FindPrimaryKey()!.Properties[0];

    /// <inheritdoc cref="GetSortKeyProperty(IReadOnlyEntityType)" />
    public static IProperty? GetSortKeyProperty(this IEntityType entityType)
        => (IProperty?)((IReadOnlyEntityType)entityType).GetSortKeyProperty();

    /// <summary>
    ///     The attributes of the table's key that address an item of this type, partition key first: the primary key's
    ///     properties, or the partition key and a constant sort key, which is not part of the EF primary key.
    /// </summary>
    public static IReadOnlyList<IProperty> GetTableKeyProperties(this IEntityType entityType)
        => entityType.GetSortKeyProperty() is { } sortKey ? [entityType.GetPartitionKeyProperty(), sortKey] : [entityType.GetPartitionKeyProperty()];

    /// <summary>
    ///     The value every item of this type holds in its constant sort key (<c>HasConstantSortKey</c>), or
    ///     <see langword="null" /> when its sort key, if any, is an ordinary property.
    /// </summary>
    public static object? GetConstantSortKeyValue(this IReadOnlyEntityType entityType)
        => entityType.GetRootType()[DynamoAnnotationNames.ConstantSortKeyValue];

    /// <summary>The checks every saved entity of this type must pass, its base types' included.</summary>
    public static IReadOnlyList<DynamoEntityCheck> GetDynamoChecks(this IReadOnlyEntityType entityType)
        => entityType.GetAllBaseTypesInclusive()
            .SelectMany(t => (IReadOnlyList<DynamoEntityCheck>?)t[DynamoAnnotationNames.Checks] ?? [])
            .ToList();
}

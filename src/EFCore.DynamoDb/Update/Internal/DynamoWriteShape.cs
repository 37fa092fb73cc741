using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
///     What saving an entity of one type needs from the model, gathered once per entity type (kept as a runtime
///     annotation) instead of once per saved entity: its stored properties with their attribute names, the properties
///     validation can fail on, its composites, row versions, checks (base types' included), complex properties and owned
///     navigations.
/// </summary>
public sealed class DynamoWriteShape
{
    private const string AnnotationName = DynamoAnnotationNames.Prefix + "WriteShape";

    private DynamoWriteShape(IEntityType entityType)
    {
        var stored = new List<DynamoStoredProperty>();
        var validated = new List<DynamoValidatedProperty>();
        var composites = new List<IProperty>();
        var rowVersions = new List<IProperty>();
        foreach (var property in entityType.GetProperties())
        {
            if (DynamoOwnedKeys.IsStored(property))
            {
                stored.Add(new DynamoStoredProperty(property, property.GetAttributeName(), (DynamoTypeMapping)property.GetTypeMapping()));
            }

            var isComposite = property.IsDynamoComposite();
            if (isComposite)
            {
                composites.Add(property);
            }

            if (DynamoRowVersions.IsIntegerRowVersion(property))
            {
                rowVersions.Add(property);
            }

            // A value of a non-nullable value type is never null, and only strings and binaries have a length.
            var required = !property.IsNullable && !isComposite && (!property.ClrType.IsValueType || Nullable.GetUnderlyingType(property.ClrType) != null);
            if (required || property.GetMaxLength() != null)
            {
                validated.Add(new DynamoValidatedProperty(property, required, property.GetMaxLength()));
            }
        }

        StoredProperties = stored;
        ValidatedProperties = validated;
        Composites = composites;
        RowVersions = rowVersions;
        Checks = entityType.GetDynamoChecks();
        ComplexProperties = entityType.GetComplexProperties().ToList();
        OwnedNavigations = entityType.GetNavigations().Where(n => n.ForeignKey.IsOwnership && !n.IsOnDependent).ToList();
    }

    /// <summary>The shape of <paramref name="entityType" />, built on first use.</summary>
    public static DynamoWriteShape Of(IEntityType entityType)
        => entityType.GetOrAddRuntimeAnnotationValue(AnnotationName, static type => new DynamoWriteShape(type!), entityType);

    /// <summary>The properties stored in the item (not an owned entity's copy of its owner's key, nor its ordinal).</summary>
    public IReadOnlyList<DynamoStoredProperty> StoredProperties { get; }

    /// <summary>The properties validation checks: required ones that can hold null, and those with a maximum length.</summary>
    public IReadOnlyList<DynamoValidatedProperty> ValidatedProperties { get; }

    /// <summary>The composite properties.</summary>
    public IReadOnlyList<IProperty> Composites { get; }

    /// <summary>The integer row versions the provider advances.</summary>
    public IReadOnlyList<IProperty> RowVersions { get; }

    /// <summary>The checks the entity must pass, its base types' included.</summary>
    public IReadOnlyList<DynamoEntityCheck> Checks { get; }

    /// <summary>The complex properties, each stored as a map.</summary>
    public IReadOnlyList<IComplexProperty> ComplexProperties { get; }

    /// <summary>The navigations to the entity types the entity owns.</summary>
    public IReadOnlyList<INavigation> OwnedNavigations { get; }
}

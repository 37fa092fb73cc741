using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
///     What saving an entity of one type needs from the model, gathered once per entity type (kept as a runtime
///     annotation) instead of once per saved entity: its table key (with a constant sort key's value), its stored
///     properties with their attribute names (and those an update may set), the properties validation can fail on, its
///     composites, row versions, checks (base types' included), complex properties and owned navigations.
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
                stored.Add(ToStored(property));
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

        IsOwned = entityType.FindOwnership() != null;
        if (!IsOwned)
        {
            TableKeyProperties = entityType.GetTableKeyProperties();
            TableKey = [.. TableKeyProperties.Select(ToStored)];
            ConstantSortKeyValue = entityType.GetConstantSortKeyValue();
        }

        StoredProperties = stored;
        // Expression nodes are immutable: the writes of every entity of this type share them.
        UpdatableAttributes = [.. stored.Where(p => !TableKeyProperties.Contains(p.Property)).Select(p => new DynamoAttributeExpression(p.Property))];
        HasConcurrencyTokens = stored.Any(p => p.Property.IsConcurrencyToken);
        KeyIsFree = IsOwned ? [] : [new DynamoAttributeExistsExpression(new DynamoPathExpression(TableKey[0].AttributeName), exists: false)];
        ValidatedProperties = validated;
        Composites = composites;
        RowVersions = rowVersions;
        Checks = entityType.GetDynamoChecks();
        ComplexProperties = entityType.GetComplexProperties().ToList();
        OwnedNavigations = entityType.GetNavigations().Where(n => n.ForeignKey.IsOwnership && !n.IsOnDependent).ToList();
    }

    private static DynamoStoredProperty ToStored(IProperty property)
        => new(property, property.GetAttributeName(), (DynamoTypeMapping)property.GetTypeMapping());

    /// <summary>The shape of <paramref name="entityType" />, built on first use.</summary>
    public static DynamoWriteShape Of(IEntityType entityType)
        => entityType.GetOrAddRuntimeAnnotationValue(AnnotationName, static type => new DynamoWriteShape(type!), entityType);

    /// <summary>Whether the entity type is owned: stored inside its owner's item, so it has no table key of its own.</summary>
    public bool IsOwned { get; }

    /// <summary>
    ///     The properties of the table's key that address an item of this type, partition key first (see
    ///     <see cref="DynamoDbEntityTypeExtensions.GetTableKeyProperties" />); none for an owned type.
    /// </summary>
    public IReadOnlyList<IProperty> TableKeyProperties { get; } = [];

    /// <summary>The <see cref="TableKeyProperties" /> with their attribute names and type mappings.</summary>
    public IReadOnlyList<DynamoStoredProperty> TableKey { get; } = [];

    /// <summary>The value of a constant sort key (<c>HasConstantSortKey</c>), which every item of this type holds; else <see langword="null" />.</summary>
    public object? ConstantSortKeyValue { get; }

    /// <summary>The properties stored in the item (not an owned entity's copy of its owner's key, nor its ordinal).</summary>
    public IReadOnlyList<DynamoStoredProperty> StoredProperties { get; }

    /// <summary>
    ///     The attributes of the <see cref="StoredProperties" /> outside the table key, in the order of the properties: what
    ///     an update sets and its conditions check (EF Core refuses changes to key properties).
    /// </summary>
    public IReadOnlyList<DynamoAttributeExpression> UpdatableAttributes { get; }

    /// <summary>The condition of an insert that never replaces an item: no item holds its key. None for an owned type.</summary>
    public IReadOnlyList<DynamoExpression> KeyIsFree { get; }

    /// <summary>Whether a stored property is a concurrency token, which every update and delete checks.</summary>
    public bool HasConcurrencyTokens { get; }

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

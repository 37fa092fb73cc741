using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Infrastructure.Internal;

/// <summary>
///     Refuses, when the model is built, what DynamoDB cannot store: entity types without a key or with more than
///     two key properties, keys that are not strings, numbers or binary, two properties in one attribute,
///     invalid table names, secondary indexes or time-to-live properties DynamoDB would refuse, owned types that
///     cannot live inside their owner's item, and relationships no key serves (many-to-many, from an owned type, a delete
///     that would change a key). Each error names the entity type and the property, index or navigation.
/// </summary>
public class DynamoModelValidator(ModelValidatorDependencies dependencies) : ModelValidator(dependencies)
{
    // DynamoDB's limit on each side of a global index's multi-attribute key.
    private const int MaxKeyAttributes = 4;

    /// <inheritdoc />
    public override void Validate(IModel model, IDiagnosticsLogger<DbLoggerCategory.Model.Validation> logger)
    {
        ValidateCollectionTypes(model);
        base.Validate(model, logger);

        foreach (var entityType in model.GetEntityTypes())
        {
            ValidateAttributeNames(entityType);
            ValidateRelationships(entityType);
            if (entityType.FindOwnership() is { } ownership)
            {
                // Owned types live inside their owner's item: no table, key schema or indexes of their own.
                ValidateOwnedType(entityType, ownership);
                continue;
            }

            ValidateKeySchema(entityType);
            ValidateTableName(entityType);
            ValidateComposites(entityType);
            ValidateSecondaryIndexes(entityType);
            ValidateTimeToLive(entityType);
        }

        ValidateSharedTables(model);
        ValidateIndexesPerTable(model);
    }

    /// <summary>
    ///     Refuses properties of collection types DynamoDB cannot store, naming what it can. Runs before EF Core's own
    ///     checks, whose errors for these (an unmapped property, an accidental entity type) do not say which collections
    ///     DynamoDB can store.
    /// </summary>
    protected virtual void ValidateCollectionTypes(IModel model)
    {
        if (model is not IConventionModel conventionModel)
        {
            return;
        }

        foreach (var entityType in conventionModel.GetEntityTypes())
        {
            ValidateCollectionTypes(entityType);
            foreach (var navigation in entityType.GetDeclaredNavigations().Where(n => IsScalarCollection(n.TargetEntityType.ClrType)))
            {
                throw new InvalidOperationException(
                    DynamoStrings.CollectionTypeNotSupported(entityType.DisplayName(), navigation.Name, navigation.ClrType.ShortDisplayName()));
            }
        }

        static void ValidateCollectionTypes(IConventionTypeBase structuralType)
        {
            var unmapped = structuralType.GetDeclaredProperties()
                .Where(p => p.FindTypeMapping() == null && p.GetValueConverter() == null)
                .Select(p => (p.Name, p.ClrType))
                .Concat(
                    (structuralType.IsPropertyBag ? [] : structuralType.ClrType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                    .Where(p => p.CanWrite
                        && p.GetIndexParameters().Length == 0
                        && structuralType.FindMember(p.Name) == null
                        && structuralType.FindIgnoredConfigurationSource(p.Name) == null)
                    .Select(p => (p.Name, ClrType: p.PropertyType)))
                .FirstOrDefault(p => IsScalarCollection(p.ClrType));
            if (unmapped.Name != null)
            {
                throw new InvalidOperationException(
                    DynamoStrings.CollectionTypeNotSupported(structuralType.DisplayName(), unmapped.Name, unmapped.ClrType.ShortDisplayName()));
            }

            foreach (var complexProperty in structuralType.GetDeclaredComplexProperties())
            {
                ValidateCollectionTypes(complexProperty.ComplexType);
            }
        }

        // A collection of scalars (not of entities or complex objects), such as a set of booleans.
        static bool IsScalarCollection(Type clrType)
            => DynamoCollectionMappings.IsCollectionType(clrType)
                && !clrType.GetInterfaces().Append(clrType)
                    .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                    .Select(i => i.GetGenericArguments()[0])
                    .Any(e => e.IsClass && e != typeof(string) && e != typeof(byte[]));
    }

    /// <summary>
    ///     Refuses the relationships DynamoDB cannot serve: many-to-many (skip navigations), a relationship of an owned
    ///     type with another entity type, and a foreign key in the dependent's key that a delete would set to null.
    /// </summary>
    protected virtual void ValidateRelationships(IEntityType entityType)
    {
        if (entityType.GetDeclaredSkipNavigations().FirstOrDefault() is { } skipNavigation)
        {
            throw new InvalidOperationException(
                DynamoStrings.ManyToManyNotSupported(entityType.DisplayName(), skipNavigation.Name, skipNavigation.TargetEntityType.DisplayName()));
        }

        if (entityType.FindOwnership() is { } ownership)
        {
            ValidateOwnedTypeRelationships(entityType, ownership);
        }

        ValidateKeyForeignKeysDeleteBehavior(entityType);
    }

    /// <summary>
    ///     Refuses a relationship between an owned type and an entity type (other than its ownership): the owned type is
    ///     stored inside its owner's item, which no other item's key reaches.
    /// </summary>
    protected virtual void ValidateOwnedTypeRelationships(IEntityType entityType, IForeignKey ownership)
    {
        var relationship = entityType.GetDeclaredForeignKeys()
            .Select(fk => (ForeignKey: fk, Navigation: fk.DependentToPrincipal, Other: fk.PrincipalEntityType))
            .Concat(entityType.GetDeclaredReferencingForeignKeys()
                .Select(fk => (ForeignKey: fk, Navigation: fk.PrincipalToDependent, Other: fk.DeclaringEntityType)))
            .FirstOrDefault(r => !r.ForeignKey.IsOwnership);
        if (relationship.ForeignKey == null)
        {
            return;
        }

        var name = relationship.Navigation?.Name ?? string.Join(", ", relationship.ForeignKey.Properties.Select(p => p.Name));
        throw new InvalidOperationException(
            DynamoStrings.OwnedTypeRelationship(
                entityType.DisplayName(),
                ownership.PrincipalEntityType.DisplayName(),
                ownership.PrincipalToDependent?.Name,
                entityType.DisplayName() + "." + name,
                relationship.Other.DisplayName()));
    }

    /// <summary>
    ///     Refuses <see cref="DeleteBehavior.SetNull" /> and <see cref="DeleteBehavior.ClientSetNull" /> on a foreign key
    ///     that is part of the dependent's primary key: a DynamoDB key cannot change, and EF Core would otherwise fail only
    ///     once the dependents are loaded and their principal removed.
    /// </summary>
    protected virtual void ValidateKeyForeignKeysDeleteBehavior(IEntityType entityType)
    {
        foreach (var foreignKey in entityType.GetDeclaredForeignKeys()
                     .Where(fk => fk.DeleteBehavior is DeleteBehavior.SetNull or DeleteBehavior.ClientSetNull))
        {
            if (foreignKey.Properties.FirstOrDefault(p => p.IsPrimaryKey()) is { } keyProperty)
            {
                throw new InvalidOperationException(
                    DynamoStrings.KeyForeignKeySetNull(
                        entityType.DisplayName(), foreignKey.PrincipalEntityType.DisplayName(), foreignKey.DeleteBehavior, keyProperty.Name));
            }
        }
    }

    /// <summary>
    ///     Refuses an owned type that names a table of its own or has a concurrency token: it is stored inside its
    ///     owner's item.
    /// </summary>
    protected virtual void ValidateOwnedType(IEntityType entityType, IForeignKey ownership)
    {
        var owner = ownership.PrincipalEntityType.DisplayName();
        var navigation = ownership.PrincipalToDependent?.Name;
        if (entityType[DynamoAnnotationNames.TableName] is string tableName)
        {
            throw new InvalidOperationException(DynamoStrings.OwnedTypeWithTable(entityType.DisplayName(), owner, navigation, tableName));
        }

        if (entityType.GetDeclaredProperties().FirstOrDefault(p => p.IsConcurrencyToken) is { } concurrencyToken)
        {
            throw new InvalidOperationException(
                DynamoStrings.OwnedTypeConcurrencyToken(entityType.DisplayName(), owner, navigation, concurrencyToken.Name));
        }
    }

    /// <summary>
    ///     Requires a primary key of one or two properties (partition key, then sort key), each stored as a string,
    ///     number or binary value.
    /// </summary>
    protected virtual void ValidateKeySchema(IEntityType entityType)
    {
        var primaryKey = entityType.FindPrimaryKey();
        if (primaryKey == null)
        {
            throw new InvalidOperationException(DynamoStrings.KeylessEntityType(entityType.DisplayName()));
        }

        if (primaryKey.Properties.Count > 2)
        {
            throw new InvalidOperationException(
                DynamoStrings.KeyTooManyProperties(entityType.DisplayName(), string.Join(", ", primaryKey.Properties.Select(p => p.Name))));
        }

        ValidateConstantSortKey(entityType, primaryKey);
        foreach (var property in entityType.GetTableKeyProperties())
        {
            if (property.GetTypeMapping() is not DynamoTypeMapping mapping || !mapping.ScalarType.IsKeyType())
            {
                throw new InvalidOperationException(
                    DynamoStrings.KeyPropertyTypeNotSupported(entityType.DisplayName(), property.Name, property.ClrType.Name));
            }
        }
    }

    /// <summary>
    ///     A constant sort key completes a primary key of one property, on the root of a hierarchy: it is the table's
    ///     sort key, and a table has one.
    /// </summary>
    protected virtual void ValidateConstantSortKey(IEntityType entityType, IKey primaryKey)
    {
        if (entityType.BaseType != null && entityType[DynamoAnnotationNames.ConstantSortKey] != null)
        {
            throw new InvalidOperationException(DynamoStrings.ConstantSortKeyOnDerivedType(entityType.DisplayName(), entityType.GetRootType().DisplayName()));
        }

        if (entityType.GetConstantSortKeyValue() != null && primaryKey.Properties.Count > 1)
        {
            throw new InvalidOperationException(
                DynamoStrings.ConstantSortKeyWithSortKey(
                    entityType.DisplayName(), entityType.GetSortKeyProperty()!.Name, string.Join(", ", primaryKey.Properties.Select(p => p.Name))));
        }
    }

    /// <summary>
    ///     Refuses two members of an entity type stored in one attribute. Owned navigations are attributes too (maps or
    ///     lists of maps), so they may not collide with a property's.
    /// </summary>
    protected virtual void ValidateAttributeNames(IEntityType entityType)
    {
        var membersByAttribute = new Dictionary<string, string>(StringComparer.Ordinal);
        var members = entityType.GetProperties()
            .Where(DynamoOwnedKeys.IsStored)
            .Select(p => (p.Name, AttributeName: p.GetAttributeName()))
            .Concat(
                entityType.GetNavigations()
                    .Where(n => n.ForeignKey.IsOwnership && !n.IsOnDependent)
                    .Select(n => (n.Name, AttributeName: n.TargetEntityType.GetContainingAttributeName()!)));
        foreach (var (name, attributeName) in members)
        {
            if (!membersByAttribute.TryAdd(attributeName, name))
            {
                throw new InvalidOperationException(
                    DynamoStrings.DuplicateAttributeName(entityType.DisplayName(), membersByAttribute[attributeName], name, attributeName));
            }
        }
    }

    /// <summary>
    ///     Checks that a composite's components are ordinary mapped properties, that a joined composite is a string, and
    ///     that a prefix starts joined components, not a merge.
    /// </summary>
    protected virtual void ValidateComposites(IEntityType entityType)
    {
        foreach (var composite in entityType.GetDeclaredProperties().Where(p => p.IsDynamoComposite()))
        {
            foreach (var componentName in composite.GetCompositeComponentNames())
            {
                var component = entityType.FindProperty(componentName)
                    ?? throw new InvalidOperationException(
                        DynamoStrings.CompositeComponentNotFound(entityType.DisplayName(), composite.Name, componentName));
                if (component == composite || component.IsDynamoComposite())
                {
                    throw new InvalidOperationException(
                        DynamoStrings.CompositeOfComposite(entityType.DisplayName(), composite.Name, componentName));
                }
            }

            if (composite.GetCompositeMerge() != null && composite.GetCompositePrefix().Length > 0)
            {
                throw new InvalidOperationException(DynamoStrings.CompositePrefixWithMerge(entityType.DisplayName(), composite.Name));
            }

            if (composite.GetCompositeMerge() == null && composite.ClrType != typeof(string))
            {
                throw new InvalidOperationException(
                    DynamoStrings.CompositeNotString(entityType.DisplayName(), composite.Name, composite.ClrType.Name));
            }
        }
    }

    /// <summary>
    ///     Refuses entity types that share a table but not its key attributes. Entity types stored in one table address
    ///     its items with the same key attributes.
    /// </summary>
    protected virtual void ValidateSharedTables(IModel model)
    {
        foreach (var table in model.GetEntityTypes().Where(e => e.BaseType == null && !e.IsOwned()).GroupBy(e => e.GetDynamoTableName()))
        {
            var first = table.First();
            foreach (var other in table.Skip(1))
            {
                if (!SameKeyAttribute(first.GetSortKeyProperty(), other.GetSortKeyProperty()))
                {
                    ThrowIfConstantSortKeyMismatch(other, first, table.Key);
                    ThrowIfConstantSortKeyMismatch(first, other, table.Key);
                }

                if (!SameKeyAttribute(first.GetPartitionKeyProperty(), other.GetPartitionKeyProperty())
                    || !SameKeyAttribute(first.GetSortKeyProperty(), other.GetSortKeyProperty()))
                {
                    throw new InvalidOperationException(DynamoStrings.SharedTableKeyMismatch(other.DisplayName(), first.DisplayName(), table.Key));
                }
            }
        }
    }

    // A constant's type is the CLR type of its value, easily not the table's: the message says which attribute and type it needs.
    private static void ThrowIfConstantSortKeyMismatch(IEntityType entityType, IEntityType other, string tableName)
    {
        if (entityType.GetConstantSortKeyValue() == null)
        {
            return;
        }

        var sortKey = entityType.GetSortKeyProperty()!;
        if (other.GetSortKeyProperty() is not { } otherSortKey)
        {
            throw new InvalidOperationException(DynamoStrings.ConstantSortKeyTableWithoutSortKey(entityType.DisplayName(), tableName, other.DisplayName()));
        }

        throw new InvalidOperationException(
            DynamoStrings.ConstantSortKeyTypeMismatch(
                entityType.DisplayName(), sortKey.GetAttributeName(), ScalarType(sortKey), tableName, other.DisplayName(),
                otherSortKey.GetAttributeName(), ScalarType(otherSortKey)));

        static DynamoScalarType ScalarType(IProperty property) => ((DynamoTypeMapping)property.GetTypeMapping()).ScalarType;
    }

    private static bool SameKeyAttribute(IProperty? property, IProperty? otherProperty)
        => property == null || otherProperty == null
            ? property == otherProperty
            : property.GetAttributeName() == otherProperty.GetAttributeName()
                && ((DynamoTypeMapping)property.GetTypeMapping()).ScalarType == ((DynamoTypeMapping)otherProperty.GetTypeMapping()).ScalarType;

    /// <summary>Refuses a table name DynamoDB would refuse.</summary>
    protected virtual void ValidateTableName(IEntityType entityType)
    {
        var tableName = entityType.GetDynamoTableName();
        if (!DynamoTableNameRules.IsValid(tableName))
        {
            throw new InvalidOperationException(DynamoStrings.InvalidTableName(entityType.DisplayName(), tableName));
        }
    }

    /// <summary>
    ///     Checks each secondary index as DynamoDB would: its name, the types of its keys, its throughput and its
    ///     included properties.
    /// </summary>
    protected virtual void ValidateSecondaryIndexes(IEntityType entityType)
    {
        foreach (var index in entityType.GetDeclaredIndexes().Where(i => i.GetDynamoIndexKind() != null))
        {
            // Index names follow the rules of table names.
            if (!DynamoTableNameRules.IsValid(index.Name))
            {
                throw new InvalidOperationException(DynamoStrings.InvalidIndexName(entityType.DisplayName(), index.Name));
            }

            foreach (var property in index.Properties)
            {
                if (property.GetTypeMapping() is not DynamoTypeMapping indexKeyMapping || !indexKeyMapping.ScalarType.IsKeyType())
                {
                    throw new InvalidOperationException(
                        DynamoStrings.IndexKeyPropertyTypeNotSupported(entityType.DisplayName(), index.Name, property.Name, property.ClrType.Name));
                }
            }

            if (index.GetDynamoIndexKind() == DynamoIndexKind.Local)
            {
                ValidateLocalIndexKey(entityType, index);
            }
            else
            {
                ValidateGlobalIndexKey(entityType, index);
                if (index.GetProvisionedThroughput() != null && entityType.GetProvisionedThroughput() == null)
                {
                    throw new InvalidOperationException(DynamoStrings.IndexThroughputOnDemandTable(entityType.DisplayName(), index.Name));
                }
            }

            foreach (var propertyName in index.GetIncludedPropertyNames())
            {
                if (entityType.FindProperty(propertyName) == null)
                {
                    throw new InvalidOperationException(DynamoStrings.IndexPropertyNotMapped(entityType.DisplayName(), index.Name, propertyName));
                }
            }
        }
    }

    /// <summary>
    ///     Refuses a local index keyed on the table's own sort key. A local index orders the items of a partition by
    ///     another attribute; the table's own key adds nothing.
    /// </summary>
    protected virtual void ValidateLocalIndexKey(IEntityType entityType, IIndex index)
    {
        var tableSortKey = entityType.GetSortKeyProperty();
        if (tableSortKey == null)
        {
            throw new InvalidOperationException(DynamoStrings.LocalIndexWithoutSortKey(entityType.DisplayName(), index.Name));
        }

        var sortKey = index.GetSortKeyProperty()!;
        if (sortKey == tableSortKey || sortKey == entityType.GetPartitionKeyProperty())
        {
            throw new InvalidOperationException(DynamoStrings.LocalIndexOnTableKey(entityType.DisplayName(), index.Name, sortKey.Name));
        }
    }

    /// <summary>
    ///     A global index keys on one to four partition attributes and up to four sort attributes. A multi-attribute
    ///     key holds each attribute natively, so a joined composite has no place in it: its components do that job.
    /// </summary>
    protected virtual void ValidateGlobalIndexKey(IEntityType entityType, IIndex index)
    {
        var partitionKey = index.GetPartitionKeyProperties();
        var sortKey = index.GetSortKeyProperties();
        if (partitionKey.Count > MaxKeyAttributes)
        {
            throw new InvalidOperationException(
                DynamoStrings.IndexTooManyPartitionKeyAttributes(entityType.DisplayName(), index.Name, Describe(partitionKey), MaxKeyAttributes));
        }

        if (sortKey.Count > MaxKeyAttributes)
        {
            throw new InvalidOperationException(
                DynamoStrings.IndexTooManySortKeyAttributes(entityType.DisplayName(), index.Name, Describe(sortKey), MaxKeyAttributes));
        }

        if (partitionKey.Count > 1 || sortKey.Count > 1)
        {
            var composite = index.Properties.FirstOrDefault(p => p.IsDynamoComposite());
            if (composite != null)
            {
                throw new InvalidOperationException(
                    DynamoStrings.IndexMultiAttributeKeyComposite(
                        entityType.DisplayName(), index.Name, Describe(index.Properties), composite.Name, string.Join(", ", composite.GetCompositeComponentNames())));
            }
        }

        static string Describe(IEnumerable<IProperty> properties) => string.Join(", ", properties.Select(p => p.Name));
    }

    /// <summary>Requires the time-to-live property to be a mapped property of the entity type.</summary>
    protected virtual void ValidateTimeToLive(IEntityType entityType)
    {
        if (entityType.BaseType == null
            && entityType.GetTimeToLivePropertyName() is { } propertyName
            && entityType.FindProperty(propertyName) == null)
        {
            throw new InvalidOperationException(DynamoStrings.TimeToLivePropertyNotMapped(entityType.DisplayName(), propertyName));
        }
    }

    /// <summary>
    ///     Index names are unique in a table, though entity types sharing a table may each declare the same index (same
    ///     kind and key attributes); DynamoDB allows 5 local and 20 global indexes a table.
    /// </summary>
    protected virtual void ValidateIndexesPerTable(IModel model)
    {
        foreach (var table in model.GetEntityTypes().GroupBy(e => e.GetDynamoTableName(), StringComparer.Ordinal))
        {
            var indexes = new Dictionary<string, IIndex>(StringComparer.Ordinal);
            foreach (var index in table.SelectMany(e => e.GetDeclaredIndexes()).Where(i => i.GetDynamoIndexKind() != null))
            {
                if (!indexes.TryAdd(index.Name!, index) && !IsSameIndex(indexes[index.Name!], index))
                {
                    throw new InvalidOperationException(
                        DynamoStrings.DuplicateIndexName(
                            index.DeclaringEntityType.DisplayName(), index.Name, table.Key, indexes[index.Name!].DeclaringEntityType.DisplayName()));
                }
            }

            var locals = indexes.Values.Where(i => i.GetDynamoIndexKind() == DynamoIndexKind.Local).ToList();
            if (locals.Count > 5)
            {
                throw new InvalidOperationException(DynamoStrings.TooManyLocalIndexes(locals[0].DeclaringEntityType.DisplayName(), table.Key, locals.Count));
            }

            var globals = indexes.Values.Where(i => i.GetDynamoIndexKind() == DynamoIndexKind.Global).ToList();
            if (globals.Count > 20)
            {
                throw new InvalidOperationException(DynamoStrings.TooManyGlobalIndexes(globals[0].DeclaringEntityType.DisplayName(), table.Key, globals.Count));
            }
        }
    }

    private static bool IsSameIndex(IIndex index, IIndex other)
        => index.GetDynamoIndexKind() == other.GetDynamoIndexKind()
            && index.GetPartitionKeyProperties().Select(p => p.GetAttributeName()).SequenceEqual(other.GetPartitionKeyProperties().Select(p => p.GetAttributeName()))
            && index.GetSortKeyProperties().Select(p => p.GetAttributeName()).SequenceEqual(other.GetSortKeyProperties().Select(p => p.GetAttributeName()));
}

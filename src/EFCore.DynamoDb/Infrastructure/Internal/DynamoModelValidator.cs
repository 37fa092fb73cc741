using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Infrastructure.Internal;

/// <summary>
///     Refuses, when the model is built, what DynamoDB cannot store: entity types without a key or with more than
///     two key properties, keys that are not strings, numbers or binary, two properties in one attribute, and
///     invalid table names. Each error names the entity type and the property.
/// </summary>
public class DynamoModelValidator(ModelValidatorDependencies dependencies) : ModelValidator(dependencies)
{
    public override void Validate(IModel model, IDiagnosticsLogger<DbLoggerCategory.Model.Validation> logger)
    {
        base.Validate(model, logger);

        foreach (var entityType in model.GetEntityTypes())
        {
            ValidateKeySchema(entityType);
            ValidateAttributeNames(entityType);
            ValidateTableName(entityType);
            ValidateComposites(entityType);
        }

        ValidateSharedTables(model);
    }

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

        foreach (var property in primaryKey.Properties)
        {
            if (property.GetTypeMapping() is not DynamoTypeMapping { ScalarType: not DynamoScalarType.Boolean })
            {
                throw new InvalidOperationException(
                    DynamoStrings.KeyPropertyTypeNotSupported(entityType.DisplayName(), property.Name, property.ClrType.Name));
            }
        }
    }

    protected virtual void ValidateAttributeNames(IEntityType entityType)
    {
        var propertiesByAttribute = new Dictionary<string, IProperty>(StringComparer.Ordinal);
        foreach (var property in entityType.GetProperties())
        {
            var attributeName = property.GetAttributeName();
            if (propertiesByAttribute.TryGetValue(attributeName, out var other))
            {
                throw new InvalidOperationException(
                    DynamoStrings.DuplicateAttributeName(entityType.DisplayName(), other.Name, property.Name, attributeName));
            }

            propertiesByAttribute.Add(attributeName, property);
        }
    }

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

            if (composite.GetCompositeMerge() == null && composite.ClrType != typeof(string))
            {
                throw new InvalidOperationException(
                    DynamoStrings.CompositeNotString(entityType.DisplayName(), composite.Name, composite.ClrType.Name));
            }
        }
    }

    // Entity types stored in one table address its items with the same key attributes.
    protected virtual void ValidateSharedTables(IModel model)
    {
        foreach (var table in model.GetEntityTypes().Where(e => e.BaseType == null).GroupBy(e => e.GetDynamoTableName()))
        {
            var first = table.First();
            foreach (var other in table.Skip(1))
            {
                if (!SameKeyAttribute(first.GetPartitionKeyProperty(), other.GetPartitionKeyProperty())
                    || !SameKeyAttribute(first.GetSortKeyProperty(), other.GetSortKeyProperty()))
                {
                    throw new InvalidOperationException(DynamoStrings.SharedTableKeyMismatch(other.DisplayName(), first.DisplayName(), table.Key));
                }
            }
        }
    }

    private static bool SameKeyAttribute(IProperty? property, IProperty? otherProperty)
        => property == null || otherProperty == null
            ? property == otherProperty
            : property.GetAttributeName() == otherProperty.GetAttributeName()
                && ((DynamoTypeMapping)property.GetTypeMapping()).ScalarType == ((DynamoTypeMapping)otherProperty.GetTypeMapping()).ScalarType;

    protected virtual void ValidateTableName(IEntityType entityType)
    {
        var tableName = entityType.GetDynamoTableName();
        if (!DynamoTableNameRules.IsValid(tableName))
        {
            throw new InvalidOperationException(DynamoStrings.InvalidTableName(entityType.DisplayName(), tableName));
        }
    }
}

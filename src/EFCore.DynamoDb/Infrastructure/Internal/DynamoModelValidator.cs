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
        }
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

    protected virtual void ValidateTableName(IEntityType entityType)
    {
        var tableName = entityType.GetDynamoTableName();
        if (!DynamoTableNameRules.IsValid(tableName))
        {
            throw new InvalidOperationException(DynamoStrings.InvalidTableName(entityType.DisplayName(), tableName));
        }
    }
}

using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Configures an entity type's table options: provisioned throughput and time to live.</summary>
public static class DynamoDbTableOptionsBuilderExtensions
{
    /// <summary>
    ///     Bills the table by provisioned capacity instead of per request (the default). Its global secondary indexes
    ///     get the same throughput unless they set their own.
    /// </summary>
    public static EntityTypeBuilder HasProvisionedThroughput(this EntityTypeBuilder entityTypeBuilder, long readCapacityUnits, long writeCapacityUnits)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        entityTypeBuilder.Metadata.SetProvisionedThroughput(DynamoThroughputAnnotations.Create(readCapacityUnits, writeCapacityUnits));
        return entityTypeBuilder;
    }

    /// <inheritdoc cref="HasProvisionedThroughput(EntityTypeBuilder, long, long)" />
    public static EntityTypeBuilder<TEntity> HasProvisionedThroughput<TEntity>(
        this EntityTypeBuilder<TEntity> entityTypeBuilder,
        long readCapacityUnits,
        long writeCapacityUnits)
        where TEntity : class
        => (EntityTypeBuilder<TEntity>)HasProvisionedThroughput((EntityTypeBuilder)entityTypeBuilder, readCapacityUnits, writeCapacityUnits);

    /// <summary>
    ///     Makes the property's attribute the table's time-to-live attribute: DynamoDB deletes an item some time after
    ///     the moment it holds. The property must be a <see cref="DateTime" />, <see cref="DateTimeOffset" /> or
    ///     <see cref="long" /> (seconds since the Unix epoch), nullable or not; dates are stored as whole epoch seconds,
    ///     as DynamoDB requires, so fractions of a second are not kept.
    /// </summary>
    public static EntityTypeBuilder HasTimeToLive(this EntityTypeBuilder entityTypeBuilder, string propertyName)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        ArgumentException.ThrowIfNullOrEmpty(propertyName);
        var entityType = entityTypeBuilder.Metadata;
        var property = entityType.FindProperty(propertyName)
            ?? throw new ArgumentException(DynamoStrings.TimeToLivePropertyNotMapped(entityType.DisplayName(), propertyName), nameof(propertyName));
        var converter = DynamoEpochSecondsConverters.For(property.ClrType);
        if (converter == null && (Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType) != typeof(long))
        {
            throw new ArgumentException(
                DynamoStrings.TimeToLivePropertyTypeNotSupported(entityType.DisplayName(), propertyName, property.ClrType.Name),
                nameof(propertyName));
        }

        if (converter != null)
        {
            property.SetValueConverter(converter);
        }

        entityType.SetTimeToLivePropertyName(propertyName);
        return entityTypeBuilder;
    }

    /// <inheritdoc cref="HasTimeToLive(EntityTypeBuilder, string)" />
    public static EntityTypeBuilder<TEntity> HasTimeToLive<TEntity, TProperty>(
        this EntityTypeBuilder<TEntity> entityTypeBuilder,
        Expression<Func<TEntity, TProperty>> propertyExpression)
        where TEntity : class
        => (EntityTypeBuilder<TEntity>)HasTimeToLive((EntityTypeBuilder)entityTypeBuilder, DynamoPropertyExpressions.GetPropertyName(propertyExpression));
}

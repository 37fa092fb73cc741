using EFCore.DynamoDb.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Configures an entity type's DynamoDB table and key schema.</summary>
public static class DynamoDbEntityTypeBuilderExtensions
{
    /// <summary>The table the entity type is stored in (before the context's <c>TableNamePrefix</c>).</summary>
    public static EntityTypeBuilder ToDynamoTable(this EntityTypeBuilder entityTypeBuilder, string name)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        entityTypeBuilder.Metadata.SetDynamoTableName(name);
        return entityTypeBuilder;
    }

    /// <inheritdoc cref="ToDynamoTable(EntityTypeBuilder, string)" />
    public static EntityTypeBuilder<TEntity> ToDynamoTable<TEntity>(this EntityTypeBuilder<TEntity> entityTypeBuilder, string name)
        where TEntity : class
        => (EntityTypeBuilder<TEntity>)ToDynamoTable((EntityTypeBuilder)entityTypeBuilder, name);

    /// <summary>
    ///     The partition (hash) key. It becomes the first property of the EF primary key; with
    ///     <see cref="HasSortKey(EntityTypeBuilder, string)" /> it is the table's full key.
    /// </summary>
    public static EntityTypeBuilder HasPartitionKey(this EntityTypeBuilder entityTypeBuilder, string propertyName)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        ArgumentException.ThrowIfNullOrEmpty(propertyName);
        entityTypeBuilder.Metadata.SetAnnotation(DynamoAnnotationNames.PartitionKey, propertyName);
        return ApplyKeySchema(entityTypeBuilder);
    }

    /// <inheritdoc cref="HasPartitionKey(EntityTypeBuilder, string)" />
    public static EntityTypeBuilder<TEntity> HasPartitionKey<TEntity, TProperty>(
        this EntityTypeBuilder<TEntity> entityTypeBuilder,
        Expression<Func<TEntity, TProperty>> propertyExpression)
        where TEntity : class
        => (EntityTypeBuilder<TEntity>)HasPartitionKey((EntityTypeBuilder)entityTypeBuilder, GetPropertyName(propertyExpression));

    /// <summary>The sort (range) key. It becomes the second property of the EF primary key.</summary>
    public static EntityTypeBuilder HasSortKey(this EntityTypeBuilder entityTypeBuilder, string propertyName)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        ArgumentException.ThrowIfNullOrEmpty(propertyName);
        entityTypeBuilder.Metadata.SetAnnotation(DynamoAnnotationNames.SortKey, propertyName);
        return ApplyKeySchema(entityTypeBuilder);
    }

    /// <inheritdoc cref="HasSortKey(EntityTypeBuilder, string)" />
    public static EntityTypeBuilder<TEntity> HasSortKey<TEntity, TProperty>(
        this EntityTypeBuilder<TEntity> entityTypeBuilder,
        Expression<Func<TEntity, TProperty>> propertyExpression)
        where TEntity : class
        => (EntityTypeBuilder<TEntity>)HasSortKey((EntityTypeBuilder)entityTypeBuilder, GetPropertyName(propertyExpression));

    // The EF primary key is the single source of truth for the key schema; the annotations only remember
    // what was asked so that HasPartitionKey and HasSortKey can be called in either order.
    private static EntityTypeBuilder ApplyKeySchema(EntityTypeBuilder entityTypeBuilder)
    {
        var entityType = entityTypeBuilder.Metadata;
        if (entityType[DynamoAnnotationNames.PartitionKey] is string partitionKey)
        {
            if (entityType[DynamoAnnotationNames.SortKey] is string sortKey)
            {
                entityTypeBuilder.HasKey(partitionKey, sortKey);
            }
            else
            {
                entityTypeBuilder.HasKey(partitionKey);
            }
        }

        return entityTypeBuilder;
    }

    private static string GetPropertyName(LambdaExpression propertyExpression) => DynamoPropertyExpressions.GetPropertyName(propertyExpression);
}

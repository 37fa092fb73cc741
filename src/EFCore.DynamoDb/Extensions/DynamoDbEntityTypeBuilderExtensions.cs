using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Update.Internal;
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

    /// <summary>
    ///     Stores every item of this entity type under a fixed sort key: the table's sort key attribute
    ///     <paramref name="attributeName" /> holds <paramref name="value" /> (a string, number or byte array), as in a
    ///     single-table design where a customer's own item sits in its partition under <c>PROFILE</c>. The sort key is a
    ///     shadow property named after the attribute, filled when an entity is added; it is not part of the EF primary key,
    ///     so <c>Find(id)</c>, foreign keys and the change tracker use the partition key alone, while every read and write
    ///     addresses the item by both.
    /// </summary>
    public static EntityTypeBuilder HasConstantSortKey(this EntityTypeBuilder entityTypeBuilder, string attributeName, object value)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        ArgumentException.ThrowIfNullOrEmpty(attributeName);
        var entityType = entityTypeBuilder.Metadata;
        if (value is null or "" or byte[] { Length: 0 })
        {
            throw new ArgumentException(DynamoStrings.ConstantSortKeyEmpty(entityType.DisplayName(), attributeName), nameof(value));
        }

        entityTypeBuilder.Property(value.GetType(), attributeName)
            .ValueGeneratedOnAdd()
            .HasValueGeneratorFactory<DynamoConstantValueGeneratorFactory>();
        entityType.SetAnnotation(DynamoAnnotationNames.ConstantSortKey, attributeName);
        entityType.SetAnnotation(DynamoAnnotationNames.ConstantSortKeyValue, value);
        return entityTypeBuilder;
    }

    /// <inheritdoc cref="HasConstantSortKey(EntityTypeBuilder, string, object)" />
    public static EntityTypeBuilder<TEntity> HasConstantSortKey<TEntity>(this EntityTypeBuilder<TEntity> entityTypeBuilder, string attributeName, object value)
        where TEntity : class
        => (EntityTypeBuilder<TEntity>)HasConstantSortKey((EntityTypeBuilder)entityTypeBuilder, attributeName, value);

    /// <summary>
    ///     Makes <paramref name="compositePropertyExpression" /> a composite (Flywheel's <c>Composite</c>): its value is
    ///     computed from the component properties when the entity is added and on every save, by default their
    ///     values joined with <c>:</c> (e.g. <c>"facebook:12345"</c>). Setting it directly is an error. A composite may be
    ///     the partition key, the sort key or an index key.
    /// </summary>
    public static DynamoCompositeBuilder<TEntity, TProperty> HasComposite<TEntity, TProperty>(
        this EntityTypeBuilder<TEntity> entityTypeBuilder,
        Expression<Func<TEntity, TProperty>> compositePropertyExpression,
        params Expression<Func<TEntity, object?>>[] componentExpressions)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        var property = ConfigureComposite(
            entityTypeBuilder, GetPropertyName(compositePropertyExpression), componentExpressions.Select(GetPropertyName).ToArray());
        return new DynamoCompositeBuilder<TEntity, TProperty>(property);
    }

    /// <inheritdoc cref="HasComposite{TEntity, TProperty}" />
    public static DynamoCompositeBuilder HasComposite(
        this EntityTypeBuilder entityTypeBuilder,
        string compositePropertyName,
        params string[] componentPropertyNames)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        ArgumentException.ThrowIfNullOrEmpty(compositePropertyName);
        return new DynamoCompositeBuilder(ConfigureComposite(entityTypeBuilder, compositePropertyName, componentPropertyNames));
    }

    /// <summary>
    ///     A rule every saved entity must satisfy (Flywheel's <c>check=</c>). It runs on every save of an added or
    ///     modified entity, before anything is sent; a failure throws a
    ///     <see cref="System.ComponentModel.DataAnnotations.ValidationException" /> naming the entity and the check.
    /// </summary>
    public static EntityTypeBuilder<TEntity> HasCheck<TEntity>(
        this EntityTypeBuilder<TEntity> entityTypeBuilder,
        string name,
        Func<TEntity, bool> check)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(check);
        var entityType = entityTypeBuilder.Metadata;
        var checks = entityType.GetDynamoChecks().Where(c => c.Name != name)
            .Append(new DynamoEntityCheck(name, entity => check((TEntity)entity)))
            .ToList();
        entityType.SetAnnotation(DynamoAnnotationNames.Checks, checks);
        return entityTypeBuilder;
    }

    private static IMutableProperty ConfigureComposite(EntityTypeBuilder entityTypeBuilder, string compositeName, string[] componentNames)
    {
        if (componentNames.Length == 0)
        {
            throw new ArgumentException(DynamoStrings.CompositeWithoutComponents(entityTypeBuilder.Metadata.DisplayName(), compositeName));
        }

        // Computed when the entity is added, so that a composite key is known before the entity is tracked.
        var propertyBuilder = entityTypeBuilder.Property(compositeName)
            .ValueGeneratedOnAdd()
            .HasValueGeneratorFactory<DynamoCompositeValueGeneratorFactory>();
        propertyBuilder.Metadata.SetAnnotation(DynamoAnnotationNames.CompositeComponents, componentNames);
        return propertyBuilder.Metadata;
    }

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

using EFCore.DynamoDb.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
///     Declares DynamoDB secondary indexes. Each is an EF index (named, on its key properties) annotated with its kind,
///     projection and throughput, so it is part of the model like any other index.
/// </summary>
public static class DynamoDbIndexBuilderExtensions
{
    /// <summary>
    ///     A global secondary index: its own partition key and optional sort key, on any properties stored as strings,
    ///     numbers or binary. Projects all attributes unless configured otherwise.
    /// </summary>
    public static DynamoIndexBuilder HasGlobalSecondaryIndex(
        this EntityTypeBuilder entityTypeBuilder,
        string name,
        string partitionKeyPropertyName,
        string? sortKeyPropertyName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(partitionKeyPropertyName);
        return HasGlobalSecondaryIndex(entityTypeBuilder, name, [partitionKeyPropertyName], sortKeyPropertyName == null ? [] : [sortKeyPropertyName]);
    }

    /// <summary>
    ///     A global secondary index with a multi-attribute key: DynamoDB keys it on each attribute natively, typed, with
    ///     nothing joined. A query uses it when equalities fix every partition attribute; the sort attributes then take
    ///     equalities from the first, and one range condition on the last constrained. Up to four partition and four
    ///     sort attributes, each stored as a string, number or binary. Projects all attributes unless configured otherwise.
    /// </summary>
    public static DynamoIndexBuilder HasGlobalSecondaryIndex(
        this EntityTypeBuilder entityTypeBuilder,
        string name,
        IReadOnlyList<string> partitionKeyPropertyNames,
        IReadOnlyList<string>? sortKeyPropertyNames = null)
        => new(AddGlobalIndex(entityTypeBuilder, name, partitionKeyPropertyNames, sortKeyPropertyNames ?? []));

    /// <summary>
    ///     A global secondary index: its own partition key and optional sort key, on any properties stored as strings,
    ///     numbers or binary. Each key is one property (<c>x =&gt; x.City</c>) or, for a multi-attribute key, an
    ///     anonymous type of up to four (<c>x =&gt; new { x.Tenant, x.Region }</c>): DynamoDB keys the index on each
    ///     attribute natively, typed, with nothing joined. Projects all attributes unless configured otherwise.
    /// </summary>
    public static DynamoIndexBuilder<TEntity> HasGlobalSecondaryIndex<TEntity>(
        this EntityTypeBuilder<TEntity> entityTypeBuilder,
        string name,
        Expression<Func<TEntity, object?>> partitionKeyExpression,
        Expression<Func<TEntity, object?>>? sortKeyExpression = null)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(partitionKeyExpression);
        return new DynamoIndexBuilder<TEntity>(
            AddGlobalIndex(
                entityTypeBuilder,
                name,
                DynamoPropertyExpressions.GetPropertyNames(partitionKeyExpression),
                sortKeyExpression == null ? [] : DynamoPropertyExpressions.GetPropertyNames(sortKeyExpression)));
    }

    /// <summary>
    ///     A local secondary index: the table's partition key with another sort key. The table needs a sort key, and
    ///     local indexes can only be created with the table. Projects all attributes unless configured otherwise.
    /// </summary>
    public static DynamoIndexBuilder HasLocalSecondaryIndex(this EntityTypeBuilder entityTypeBuilder, string name, string sortKeyPropertyName)
    {
        ArgumentException.ThrowIfNullOrEmpty(sortKeyPropertyName);
        return new DynamoIndexBuilder(AddIndex(entityTypeBuilder, name, [sortKeyPropertyName], DynamoIndexKind.Local));
    }

    /// <inheritdoc cref="HasLocalSecondaryIndex(EntityTypeBuilder, string, string)" />
    public static DynamoIndexBuilder<TEntity> HasLocalSecondaryIndex<TEntity>(
        this EntityTypeBuilder<TEntity> entityTypeBuilder,
        string name,
        Expression<Func<TEntity, object?>> sortKeyExpression)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(sortKeyExpression);
        return new DynamoIndexBuilder<TEntity>(
            AddIndex(entityTypeBuilder, name, [DynamoPropertyExpressions.GetPropertyName(sortKeyExpression)], DynamoIndexKind.Local));
    }

    private static IMutableIndex AddGlobalIndex(
        EntityTypeBuilder entityTypeBuilder,
        string name,
        IReadOnlyList<string> partitionKeyPropertyNames,
        IReadOnlyList<string> sortKeyPropertyNames)
    {
        ArgumentNullException.ThrowIfNull(partitionKeyPropertyNames);
        ArgumentOutOfRangeException.ThrowIfZero(partitionKeyPropertyNames.Count, nameof(partitionKeyPropertyNames));
        ArgumentNullException.ThrowIfNull(sortKeyPropertyNames);
        var index = AddIndex(entityTypeBuilder, name, [.. partitionKeyPropertyNames, .. sortKeyPropertyNames], DynamoIndexKind.Global);
        index.SetPartitionKeyCount(partitionKeyPropertyNames.Count);
        return index;
    }

    private static IMutableIndex AddIndex(EntityTypeBuilder entityTypeBuilder, string name, string[] propertyNames, DynamoIndexKind kind)
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        foreach (var propertyName in propertyNames)
        {
            DynamoIndexProperties.Find(entityTypeBuilder.Metadata, name, propertyName);
        }

        var index = entityTypeBuilder.HasIndex(propertyNames, name).Metadata;
        index.SetDynamoIndexKind(kind);
        return index;
    }
}

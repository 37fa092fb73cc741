using EFCore.DynamoDb.Metadata.Internal;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore.Metadata.Builders;

/// <inheritdoc />
public class DynamoIndexBuilder<TEntity> : DynamoIndexBuilder
    where TEntity : class
{
    /// <inheritdoc cref="DynamoIndexBuilder(IMutableIndex)" />
    public DynamoIndexBuilder(IMutableIndex index)
        : base(index)
    {
    }

    /// <inheritdoc cref="DynamoIndexBuilder.ProjectsAll" />
    public new virtual DynamoIndexBuilder<TEntity> ProjectsAll() => (DynamoIndexBuilder<TEntity>)base.ProjectsAll();

    /// <inheritdoc cref="DynamoIndexBuilder.ProjectsKeysOnly" />
    public new virtual DynamoIndexBuilder<TEntity> ProjectsKeysOnly() => (DynamoIndexBuilder<TEntity>)base.ProjectsKeysOnly();

    /// <inheritdoc cref="DynamoIndexBuilder.ProjectsInclude" />
    public new virtual DynamoIndexBuilder<TEntity> ProjectsInclude(params string[] propertyNames)
        => (DynamoIndexBuilder<TEntity>)base.ProjectsInclude(propertyNames);

    /// <inheritdoc cref="DynamoIndexBuilder.ProjectsInclude" />
    public virtual DynamoIndexBuilder<TEntity> ProjectsInclude(params Expression<Func<TEntity, object?>>[] propertyExpressions)
    {
        ArgumentNullException.ThrowIfNull(propertyExpressions);
        return ProjectsInclude(propertyExpressions.Select(DynamoPropertyExpressions.GetPropertyName).ToArray());
    }

    /// <inheritdoc cref="DynamoIndexBuilder.HasProvisionedThroughput" />
    public new virtual DynamoIndexBuilder<TEntity> HasProvisionedThroughput(long readCapacityUnits, long writeCapacityUnits)
        => (DynamoIndexBuilder<TEntity>)base.HasProvisionedThroughput(readCapacityUnits, writeCapacityUnits);
}

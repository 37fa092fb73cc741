using EFCore.DynamoDb.Metadata.Internal;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore.Metadata.Builders;

/// <inheritdoc />
public class DynamoCompositeBuilder<TEntity, TProperty>(IMutableProperty property) : DynamoCompositeBuilder(property)
    where TEntity : class
{
    /// <inheritdoc cref="DynamoCompositeBuilder.HasSeparator" />
    public new virtual DynamoCompositeBuilder<TEntity, TProperty> HasSeparator(string separator)
        => (DynamoCompositeBuilder<TEntity, TProperty>)base.HasSeparator(separator);

    /// <inheritdoc cref="DynamoCompositeBuilder.HasPrefix" />
    public new virtual DynamoCompositeBuilder<TEntity, TProperty> HasPrefix(string prefix)
        => (DynamoCompositeBuilder<TEntity, TProperty>)base.HasPrefix(prefix);

    /// <summary>
    ///     Computes the value from the entity instead of joining the components (Flywheel's <c>merge</c>), for
    ///     example a score from likes and replies. A <see langword="null" /> result removes the attribute, so the
    ///     item leaves any sparse index on it.
    /// </summary>
    public virtual DynamoCompositeBuilder<TEntity, TProperty> HasMerge(Func<TEntity, TProperty?> merge)
    {
        ArgumentNullException.ThrowIfNull(merge);
        Metadata.SetAnnotation(DynamoAnnotationNames.CompositeMerge, new Func<object, object?>(entity => merge((TEntity)entity)));
        return this;
    }
}

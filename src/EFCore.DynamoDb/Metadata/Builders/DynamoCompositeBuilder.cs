using EFCore.DynamoDb.Metadata.Internal;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore.Metadata.Builders;

/// <summary>
///     Configures a composite property (Flywheel's <c>Composite</c>): a value computed from other properties of the
///     entity on every save, by default their values joined with <c>:</c>.
/// </summary>
public class DynamoCompositeBuilder(IMutableProperty property)
{
    /// <summary>The composite property being configured.</summary>
    public virtual IMutableProperty Metadata { get; } = property;

    /// <summary>The text put between the components (by default <c>:</c>).</summary>
    public virtual DynamoCompositeBuilder HasSeparator(string separator)
    {
        ArgumentNullException.ThrowIfNull(separator);
        Metadata.SetAnnotation(DynamoAnnotationNames.CompositeSeparator, separator);
        return this;
    }

    /// <summary>
    ///     The text the joined value starts with, before the components: <c>HasPrefix("ORDER#")</c> with the separator
    ///     <c>#</c> makes <c>ORDER#2026-05-01T10:00:00.0000000Z#42</c>. On a sort key shared by several entity types, a
    ///     query of this type's items in a partition reads only those whose sort key begins with it.
    /// </summary>
    public virtual DynamoCompositeBuilder HasPrefix(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        Metadata.SetAnnotation(DynamoAnnotationNames.CompositePrefix, prefix);
        return this;
    }
}

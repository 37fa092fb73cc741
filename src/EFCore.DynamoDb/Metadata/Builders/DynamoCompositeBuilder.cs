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
}

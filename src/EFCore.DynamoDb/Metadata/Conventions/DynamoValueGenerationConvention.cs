using EFCore.DynamoDb.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace Microsoft.EntityFrameworkCore.Metadata.Conventions;

/// <summary>
///     DynamoDB generates no key values, so only <see cref="Guid" /> keys get a value on add (generated on the
///     client), and the ordinal keys of owned collections, which the provider sets to each element's position when it
///     writes the list; every other key is the application's to set.
/// </summary>
public class DynamoValueGenerationConvention(ProviderConventionSetBuilderDependencies dependencies)
    : ValueGenerationConvention(dependencies)
{
    /// <summary>Generates values on add for <see cref="Guid" /> keys and owned collections' ordinal keys only.</summary>
    /// <param name="property">The property whose value generation is decided.</param>
    /// <returns><see cref="ValueGenerated.OnAdd" /> for those keys; otherwise <see langword="null" /> (no generation).</returns>
    protected override ValueGenerated? GetValueGenerated(IConventionProperty property)
        => base.GetValueGenerated(property) == ValueGenerated.OnAdd
            && ((Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType) == typeof(Guid) || DynamoOwnedKeys.IsOrdinalKey(property))
            ? ValueGenerated.OnAdd
            : null;
}

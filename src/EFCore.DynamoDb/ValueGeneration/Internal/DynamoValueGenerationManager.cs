using EFCore.DynamoDb.Update.Internal;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.ValueGeneration;

namespace EFCore.DynamoDb.ValueGeneration.Internal;

/// <summary>
///     EF Core's value generation, where a string composite holding <c>""</c> counts as unset: <c>= "";</c> is the
///     usual C# initializer of a non-nullable string, and a composite is always computed, so an empty one was never
///     meant as a value (nor can it be a DynamoDB key). Without this, entities added with such a composite key would
///     share the key <c>""</c> in the change tracker, or be refused as having their composite set directly.
/// </summary>
public class DynamoValueGenerationManager(
    IValueGeneratorSelector valueGeneratorSelector,
    IKeyPropagator keyPropagator,
    IDiagnosticsLogger<DbLoggerCategory.ChangeTracking> logger,
    ILoggingOptions loggingOptions) : ValueGenerationManager(valueGeneratorSelector, keyPropagator, logger, loggingOptions)
{
    /// <inheritdoc />
    public override bool Generate(InternalEntityEntry entry, bool includePrimaryKey = true)
    {
        UnsetEmptyComposites(entry);
        return base.Generate(entry, includePrimaryKey);
    }

    /// <inheritdoc />
    public override Task<bool> GenerateAsync(InternalEntityEntry entry, bool includePrimaryKey = true, CancellationToken cancellationToken = default)
    {
        UnsetEmptyComposites(entry);
        return base.GenerateAsync(entry, includePrimaryKey, cancellationToken);
    }

    // The composites come from the write shape, cached per entity type: this runs for every entity added.
    private static void UnsetEmptyComposites(InternalEntityEntry entry)
    {
        foreach (var property in DynamoWriteShape.Of(entry.EntityType).Composites)
        {
            if (entry[property] is "")
            {
                entry[property] = null;
            }
        }
    }
}

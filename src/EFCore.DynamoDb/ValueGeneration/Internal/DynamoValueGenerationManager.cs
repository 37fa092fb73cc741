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
        if (!GeneratesValues(entry))
        {
            return false;
        }

        UnsetEmptyComposites(entry);
        return base.Generate(entry, includePrimaryKey);
    }

    /// <inheritdoc />
    public override Task<bool> GenerateAsync(InternalEntityEntry entry, bool includePrimaryKey = true, CancellationToken cancellationToken = default)
    {
        if (!GeneratesValues(entry))
        {
            return NothingGenerated;
        }

        UnsetEmptyComposites(entry);
        return base.GenerateAsync(entry, includePrimaryKey, cancellationToken);
    }

    private static readonly Task<bool> NothingGenerated = Task.FromResult(false);

    // EF Core wraps the entry for its generators before it looks for a property to generate: an entity type without
    // one (most, keyed by the application's values) is left alone, and nothing was generated. Composites are generated
    // (their generator computes them), so such a type has none to unset either.
    private static bool GeneratesValues(InternalEntityEntry entry)
        => entry.EntityType.GetFlattenedValueGeneratingProperties() is not IReadOnlyCollection<IProperty> { Count: 0 };

    // The composites come from the write shape, cached per entity type: this runs for every entity added. An indexed
    // loop: a foreach over the list's interface would allocate an enumerator per entity.
    private static void UnsetEmptyComposites(InternalEntityEntry entry)
    {
        var composites = DynamoWriteShape.Of(entry.EntityType).Composites;
        for (var i = 0; i < composites.Count; i++)
        {
            var property = composites[i];
            if (entry[property] is "")
            {
                entry[property] = null;
            }
        }
    }
}

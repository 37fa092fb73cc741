using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Microsoft.EntityFrameworkCore.Metadata.Conventions;

/// <summary>
///     Gives every root entity type that shares its table with another (single-table design) a discriminator, so
///     each item says which type it is and a query for one type returns only that type's items. Hierarchies
///     already have one from EF Core's own convention.
/// </summary>
public class DynamoSharedTableDiscriminatorConvention : IModelFinalizingConvention
{
    /// <summary>The name of the discriminator property (and attribute) this convention adds.</summary>
    public const string DiscriminatorName = "Discriminator";

    /// <summary>Adds a discriminator to each root entity type that shares its table and has none yet.</summary>
    /// <param name="modelBuilder">The builder of the model being finalized.</param>
    /// <param name="context">Additional information about the convention's run.</param>
    public virtual void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        var sharedTables = modelBuilder.Metadata.GetEntityTypes()
            .Where(e => e.BaseType == null && !e.IsOwned())
            .GroupBy(e => e.GetDynamoTableName())
            .Where(table => table.Count() > 1);

        foreach (var entityType in sharedTables.SelectMany(table => table))
        {
            if (entityType.FindDiscriminatorProperty() == null)
            {
                entityType.Builder.HasDiscriminator(DiscriminatorName, typeof(string))?.HasValue(entityType, entityType.ShortName());
            }
        }
    }
}

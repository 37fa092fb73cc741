using EFCore.DynamoDb.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace Microsoft.EntityFrameworkCore.Metadata.Conventions;

/// <summary>Names each root entity type's table after the <see cref="DbSet{TEntity}" /> that exposes it.</summary>
public class DynamoTableNameFromDbSetConvention(ProviderConventionSetBuilderDependencies dependencies) : IModelFinalizingConvention
{
    /// <summary>Sets the table name of each root entity type exposed by exactly one <see cref="DbSet{TEntity}" />, unless one was configured.</summary>
    /// <param name="modelBuilder">The builder of the model being finalized.</param>
    /// <param name="context">Additional information about the convention's run.</param>
    public virtual void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        var setNames = dependencies.SetFinder.FindSets(dependencies.ContextType)
            .GroupBy(set => set.Type)
            .Where(group => group.Count() == 1)
            .ToDictionary(group => group.Key, group => group.Single().Name);

        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes())
        {
            if (entityType.BaseType == null
                && !entityType.IsOwned()
                && !entityType.HasSharedClrType
                && setNames.TryGetValue(entityType.ClrType, out var setName))
            {
                // Through the builder, so that a name set explicitly or by a data annotation wins.
                entityType.Builder.HasAnnotation(DynamoAnnotationNames.TableName, setName);
            }
        }
    }
}

namespace Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

/// <summary>EF Core's conventions, adjusted for DynamoDB: table names from DbSets, and no store-generated keys.</summary>
public class DynamoConventionSetBuilder(ProviderConventionSetBuilderDependencies dependencies)
    : ProviderConventionSetBuilder(dependencies)
{
    /// <summary>EF Core's convention set with the DynamoDB conventions added and the ones DynamoDB has no use for removed.</summary>
    /// <returns>The convention set the model is built with.</returns>
    public override ConventionSet CreateConventionSet()
    {
        var conventionSet = base.CreateConventionSet();
        // Shared-table discriminators depend on the table names, so the table-name convention runs first.
        conventionSet.Add(new DynamoTableNameFromDbSetConvention(Dependencies));
        conventionSet.Add(new DynamoSharedTableDiscriminatorConvention());
        conventionSet.Remove(typeof(ForeignKeyIndexConvention));
        conventionSet.Replace<ValueGenerationConvention>(new DynamoValueGenerationConvention(Dependencies));
        return conventionSet;
    }
}

using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace EFCore.DynamoDb.Metadata.Conventions;

/// <summary>EF Core's conventions, adjusted for DynamoDB: table names from DbSets, and no store-generated keys.</summary>
public class DynamoConventionSetBuilder(ProviderConventionSetBuilderDependencies dependencies)
    : ProviderConventionSetBuilder(dependencies)
{
    public override ConventionSet CreateConventionSet()
    {
        var conventionSet = base.CreateConventionSet();
        conventionSet.Add(new DynamoTableNameFromDbSetConvention(Dependencies));
        conventionSet.Remove(typeof(ForeignKeyIndexConvention));
        conventionSet.Replace<ValueGenerationConvention>(new DynamoValueGenerationConvention(Dependencies));
        return conventionSet;
    }
}

using EFCore.DynamoDb.Design.Internal;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

[assembly: DesignTimeProviderServices("EFCore.DynamoDb.Design.Internal.DynamoDesignTimeServices")]

namespace EFCore.DynamoDb.Design.Internal;

/// <summary>
///     The services <c>dotnet ef</c> uses with this provider: the compiled-model annotation code generator, and a
///     migrator that refuses migrations with a message pointing to EnsureCreated and UpdateDynamoSchema.
/// </summary>
public class DynamoDesignTimeServices : IDesignTimeServices
{
    /// <inheritdoc />
    public virtual void ConfigureDesignTimeServices(IServiceCollection serviceCollection)
    {
        serviceCollection.AddEntityFrameworkDynamoDb();
        new EntityFrameworkDesignServicesBuilder(serviceCollection)
            .TryAdd<ICSharpRuntimeAnnotationCodeGenerator, DynamoCSharpRuntimeAnnotationCodeGenerator>()
            .TryAddCoreServices();

        // Every migrations command of dotnet ef asks for a migrator first; this one, added last, is the one it gets.
        serviceCollection.AddSingleton<IMigrator>(
            _ => throw new OperationException(DynamoStrings.MigrationsNotSupported(typeof(DynamoDesignTimeServices).Assembly.GetName().Name)));
    }
}

using EFCore.DynamoDb.Diagnostics.Internal;
using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Update.Internal;
using EFCore.DynamoDb.ValueGeneration.Internal;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Internal;
using Microsoft.EntityFrameworkCore.ValueGeneration;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

// ReSharper disable once CheckNamespace
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
///     Registers the DynamoDB provider's services. Applications call <c>UseDynamoDb</c>; this is for
///     those who build EF Core's internal service provider themselves.
/// </summary>
public static class DynamoDbServiceCollectionExtensions
{
    /// <summary>
    ///     Adds the services the DynamoDB provider needs to an application's service collection, the ones EF Core does not
    ///     already register; <c>UseDynamoDb</c> calls it for EF Core's own service provider.
    /// </summary>
    /// <param name="serviceCollection">The service collection that becomes EF Core's internal service provider.</param>
    /// <returns>The same service collection, so that calls can be chained.</returns>
    public static IServiceCollection AddEntityFrameworkDynamoDb(this IServiceCollection serviceCollection)
    {
        var builder = new EntityFrameworkServicesBuilder(serviceCollection)
            .TryAdd<LoggingDefinitions, DynamoLoggingDefinitions>()
            .TryAdd<IDatabaseProvider, DatabaseProvider<DynamoDbOptionsExtension>>()
            .TryAdd<IDatabase, DynamoDatabase>()
            .TryAdd<IDbContextTransactionManager, DynamoTransactionManager>()
            .TryAdd<IConcurrencyDetector, DynamoConcurrencyDetector>()
            .TryAdd<IExecutionStrategyFactory, DynamoExecutionStrategyFactory>()
            .TryAdd<IDatabaseCreator, DynamoDatabaseCreator>()
            .TryAdd<IQueryContextFactory, DynamoQueryContextFactory>()
            .TryAdd<IProviderConventionSetBuilder, DynamoConventionSetBuilder>()
            .TryAdd<IModelValidator, DynamoModelValidator>()
            .TryAdd<ITypeMappingSource, DynamoTypeMappingSource>()
            .TryAdd<IQueryableMethodTranslatingExpressionVisitorFactory, DynamoQueryableMethodTranslatingExpressionVisitorFactory>()
            .TryAdd<IShapedQueryCompilingExpressionVisitorFactory, DynamoShapedQueryCompilingExpressionVisitorFactory>()
            .TryAdd<IStructuralTypeMaterializerSource, DynamoStructuralTypeMaterializerSource>()
            .TryAdd<IValueGeneratorSelector, DynamoValueGeneratorSelector>()
            .TryAdd<IValueGenerationManager, DynamoValueGenerationManager>()
            .TryAdd<IEntityFinderSource, DynamoEntityFinderSource>()
            .TryAdd<ISingletonOptions, IDynamoDbSingletonOptions>(p => p.GetRequiredService<IDynamoDbSingletonOptions>())
            .TryAdd<IResettableService, IDynamoAtomicOperations>(p => p.GetRequiredService<IDynamoAtomicOperations>())
            .TryAdd<IResettableService, IDynamoSaveConditions>(p => p.GetRequiredService<IDynamoSaveConditions>())
            .TryAdd<IResettableService, DynamoConsumedCapacity>(p => p.GetRequiredService<DynamoConsumedCapacity>())
            .TryAdd<IResettableService, DynamoSaveAttempts>(p => p.GetRequiredService<DynamoSaveAttempts>())
            .TryAdd<IResettableService, IDynamoReadEntries>(p => p.GetRequiredService<IDynamoReadEntries>())
            .TryAddProviderSpecificServices(b => b
                .TryAddSingleton<IDynamoDbSingletonOptions, DynamoDbSingletonOptions>()
                .TryAddSingleton<IDynamoClientProvider, DynamoClientProvider>()
                .TryAddSingleton<IDynamoAccessPathPlanner, DynamoAccessPathPlanner>()
                .TryAddScoped<IDynamoClientWrapper, DynamoClientWrapper>()
                .TryAddScoped<DynamoConsumedCapacity, DynamoConsumedCapacity>()
                .TryAddScoped<IDynamoTableNameResolver, DynamoTableNameResolver>()
                .TryAddScoped<IDynamoWritePlanner, DynamoWritePlanner>()
                .TryAddScoped<IDynamoWriteExecutor, DynamoWriteExecutor>()
                .TryAddScoped<IDynamoAtomicOperations, DynamoAtomicOperations>()
                .TryAddScoped<IDynamoSaveConditions, DynamoSaveConditions>()
                .TryAddScoped<DynamoSaveAttempts, DynamoSaveAttempts>()
                .TryAddScoped<IDynamoReadEntries, DynamoReadEntries>()
                .TryAddScoped<DynamoTableManager, DynamoTableManager>()
                .TryAddScoped<DynamoSeedDataInserter, DynamoSeedDataInserter>()
                .TryAddScoped<IDynamoSchemaUpdater, DynamoSchemaUpdater>());

        builder.TryAddCoreServices();

        return serviceCollection;
    }
}

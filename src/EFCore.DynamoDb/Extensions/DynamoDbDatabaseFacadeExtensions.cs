using Amazon.DynamoDBv2;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>DynamoDB-specific methods on <see cref="DbContext.Database" />.</summary>
public static class DynamoDbDatabaseFacadeExtensions
{
    /// <summary>The AWS client the context sends its requests through.</summary>
    public static IAmazonDynamoDB GetDynamoClient(this DatabaseFacade databaseFacade)
        => GetService<IDynamoClientWrapper>(databaseFacade).Client;

    /// <summary>True when the context uses the DynamoDB provider.</summary>
    public static bool IsDynamoDb(this DatabaseFacade databaseFacade)
        => databaseFacade.ProviderName == typeof(DynamoDbDatabaseFacadeExtensions).Assembly.GetName().Name;

    private static TService GetService<TService>(IInfrastructure<IServiceProvider> databaseFacade)
        where TService : class
        => databaseFacade.Instance.GetService(typeof(TService)) as TService
            ?? throw new InvalidOperationException(DynamoStrings.DynamoDbNotInUse);
}

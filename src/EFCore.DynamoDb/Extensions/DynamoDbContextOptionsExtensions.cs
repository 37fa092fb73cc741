using EFCore.DynamoDb.Infrastructure.Internal;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
///     <c>UseDynamoDb</c>: makes Amazon DynamoDB the database of a <see cref="DbContext" />.
/// </summary>
public static class DynamoDbContextOptionsExtensions
{
    /// <summary>Configures the context to use Amazon DynamoDB.</summary>
    public static DbContextOptionsBuilder UseDynamoDb(
        this DbContextOptionsBuilder optionsBuilder,
        Action<DynamoDbContextOptionsBuilder>? dynamoDbOptionsAction = null)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);

        var extension = optionsBuilder.Options.FindExtension<DynamoDbOptionsExtension>() ?? new DynamoDbOptionsExtension();
        ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(extension);

        // A transaction call is refused unless the application chose otherwise, before or after this call.
        var coreOptions = optionsBuilder.Options.FindExtension<CoreOptionsExtension>() ?? new CoreOptionsExtension();
        ((IDbContextOptionsBuilderInfrastructure)optionsBuilder).AddOrUpdateExtension(
            coreOptions.WithWarningsConfiguration(
                coreOptions.WarningsConfiguration.TryWithExplicit(DynamoDbEventId.TransactionIgnoredWarning, WarningBehavior.Throw)));

        dynamoDbOptionsAction?.Invoke(new DynamoDbContextOptionsBuilder(optionsBuilder));

        return optionsBuilder;
    }

    /// <summary>Configures the context to use Amazon DynamoDB.</summary>
    public static DbContextOptionsBuilder<TContext> UseDynamoDb<TContext>(
        this DbContextOptionsBuilder<TContext> optionsBuilder,
        Action<DynamoDbContextOptionsBuilder>? dynamoDbOptionsAction = null)
        where TContext : DbContext
        => (DbContextOptionsBuilder<TContext>)UseDynamoDb((DbContextOptionsBuilder)optionsBuilder, dynamoDbOptionsAction);

    /// <summary>
    ///     Configures the context to use Amazon DynamoDB with the options of a configuration section, such as
    ///     <c>configuration.GetSection("DynamoDb")</c>: <c>ServiceUrl</c>, <c>Region</c>, <c>AccessKey</c> and
    ///     <c>SecretKey</c>, <c>TableNamePrefix</c>, <c>ScanBehavior</c>, <c>ConflictMode</c>, <c>MaxRetryCount</c> and
    ///     <c>MaxRetryDelay</c>. Missing keys keep their defaults; a value that is not valid throws, naming its key.
    ///     <paramref name="dynamoDbOptionsAction" /> runs afterwards and can change any of them.
    /// </summary>
    public static DbContextOptionsBuilder UseDynamoDb(
        this DbContextOptionsBuilder optionsBuilder,
        IConfiguration configuration,
        Action<DynamoDbContextOptionsBuilder>? dynamoDbOptionsAction = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return UseDynamoDb(
            optionsBuilder,
            o =>
            {
                DynamoDbConfigurationReader.Apply(configuration, o);
                dynamoDbOptionsAction?.Invoke(o);
            });
    }

    /// <inheritdoc cref="UseDynamoDb(DbContextOptionsBuilder, IConfiguration, Action{DynamoDbContextOptionsBuilder}?)" />
    public static DbContextOptionsBuilder<TContext> UseDynamoDb<TContext>(
        this DbContextOptionsBuilder<TContext> optionsBuilder,
        IConfiguration configuration,
        Action<DynamoDbContextOptionsBuilder>? dynamoDbOptionsAction = null)
        where TContext : DbContext
        => (DbContextOptionsBuilder<TContext>)UseDynamoDb((DbContextOptionsBuilder)optionsBuilder, configuration, dynamoDbOptionsAction);
}

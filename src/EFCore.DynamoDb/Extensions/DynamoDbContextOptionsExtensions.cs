using EFCore.DynamoDb.Infrastructure.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;

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

        dynamoDbOptionsAction?.Invoke(new DynamoDbContextOptionsBuilder(optionsBuilder));

        return optionsBuilder;
    }

    /// <summary>Configures the context to use Amazon DynamoDB.</summary>
    public static DbContextOptionsBuilder<TContext> UseDynamoDb<TContext>(
        this DbContextOptionsBuilder<TContext> optionsBuilder,
        Action<DynamoDbContextOptionsBuilder>? dynamoDbOptionsAction = null)
        where TContext : DbContext
        => (DbContextOptionsBuilder<TContext>)UseDynamoDb((DbContextOptionsBuilder)optionsBuilder, dynamoDbOptionsAction);
}

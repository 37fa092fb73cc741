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

    /// <summary>
    ///     The capacity units the context's requests consumed so far, read and write, and how many requests it sent;
    ///     <see cref="DynamoConsumedCapacity.Reset" /> starts again from zero. Pooled contexts start each lease at zero.
    ///     The units are summed over every request with <c>TrackConsumedCapacity()</c> in <c>UseDynamoDb</c>, otherwise
    ///     only over the requests a logger or listener of their execution made ask for them, as
    ///     <see cref="DynamoConsumedCapacity.IsComplete" /> tells.
    /// </summary>
    public static DynamoConsumedCapacity GetConsumedCapacity(this DatabaseFacade databaseFacade)
        => GetService<DynamoConsumedCapacity>(databaseFacade);

    /// <summary>True when the context uses the DynamoDB provider.</summary>
    public static bool IsDynamoDb(this DatabaseFacade databaseFacade)
        => databaseFacade.ProviderName == typeof(DynamoDbDatabaseFacadeExtensions).Assembly.GetName().Name;

    /// <summary>
    ///     Brings the tables in line with the model (Flywheel's <c>update_schema</c>): creates missing tables (with their
    ///     seed data), adds missing global secondary indexes one at a time and waits until each is ACTIVE, switches
    ///     billing and changes provisioned throughput where they differ, and enables time to live. With
    ///     <paramref name="dryRun" />, changes nothing. Returns the changes made (or that would be made); an empty list
    ///     means the tables already match. A table whose key differs from the model's is an error.
    /// </summary>
    public static IReadOnlyList<DynamoSchemaChange> UpdateDynamoSchema(this DatabaseFacade databaseFacade, bool dryRun = false)
        => UpdateDynamoSchemaAsync(databaseFacade, dryRun).GetAwaiter().GetResult();

    /// <inheritdoc cref="UpdateDynamoSchema(DatabaseFacade, bool)" />
    public static Task<IReadOnlyList<DynamoSchemaChange>> UpdateDynamoSchemaAsync(
        this DatabaseFacade databaseFacade,
        bool dryRun = false,
        CancellationToken cancellationToken = default)
        => GetService<IDynamoSchemaUpdater>(databaseFacade).UpdateAsync(dryRun, cancellationToken);

    /// <summary>
    ///     Sends one PartiQL statement that writes (<c>INSERT</c>, <c>UPDATE</c> or <c>DELETE</c>) as an
    ///     <c>ExecuteStatement</c>, under the execution strategy: <c>db.Database.ExecutePartiQL($"UPDATE {db.Orders} SET
    ///     Status = {status} WHERE PK = {id}")</c>. Holes are as for <c>FromPartiQL</c>: a <c>DbSet</c> names its table,
    ///     any other value is a parameter. DynamoDB counts nothing for these statements, and each writes at most one item:
    ///     returns the number of items returned when the statement has <c>RETURNING</c>, else 1. A failed condition (an
    ///     <c>INSERT</c> of an existing key, an <c>UPDATE</c> of a missing item) throws <see cref="DbUpdateException" />
    ///     naming the statement, never its values. Entities the context tracks are not changed.
    /// </summary>
    public static int ExecutePartiQL(this DatabaseFacade databaseFacade, FormattableString statement)
        => ExecutePartiQLAsync(databaseFacade, statement).GetAwaiter().GetResult();

    /// <inheritdoc cref="ExecutePartiQL(DatabaseFacade, FormattableString)" />
    public static Task<int> ExecutePartiQLAsync(
        this DatabaseFacade databaseFacade,
        FormattableString statement,
        CancellationToken cancellationToken = default)
        => new DynamoPartiQLExecutor(
                GetService<IDynamoClientWrapper>(databaseFacade),
                GetService<IDynamoTableNameResolver>(databaseFacade),
                GetService<ITypeMappingSource>(databaseFacade),
                databaseFacade.CreateExecutionStrategy())
            .ExecuteAsync(statement, cancellationToken);

    private static TService GetService<TService>(IInfrastructure<IServiceProvider> databaseFacade)
        where TService : class
        => databaseFacade.Instance.GetService(typeof(TService)) as TService
            ?? throw new InvalidOperationException(DynamoStrings.DynamoDbNotInUse);
}

using EFCore.DynamoDb.Diagnostics.Internal;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     What <c>BeginTransaction</c> returns when <see cref="DynamoDbEventId.TransactionIgnoredWarning" /> is ignored:
///     committing or rolling it back only logs the warning, since each <c>SaveChanges</c> was already atomic on its own.
/// </summary>
public sealed class DynamoIgnoredTransaction(IDiagnosticsLogger<DbLoggerCategory.Database.Transaction> logger) : IDbContextTransaction
{
    /// <inheritdoc />
    public Guid TransactionId { get; } = Guid.NewGuid();

    /// <inheritdoc />
    public void Commit() => logger.TransactionIgnoredWarning(nameof(Commit));

    /// <inheritdoc />
    public Task CommitAsync(CancellationToken cancellationToken = default)
    {
        Commit();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Rollback() => logger.TransactionIgnoredWarning(nameof(Rollback));

    /// <inheritdoc />
    public Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        Rollback();
        return Task.CompletedTask;
    }

    /// <summary>Nothing to release: no transaction was started.</summary>
    public void Dispose()
    {
    }

    /// <summary>Nothing to release: no transaction was started.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

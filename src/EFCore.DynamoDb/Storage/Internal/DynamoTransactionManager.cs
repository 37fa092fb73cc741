using System.Transactions;
using EFCore.DynamoDb.Diagnostics.Internal;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     DynamoDB has no open-ended transactions: each <c>SaveChanges</c> is its own atomic unit. Every transaction call,
///     and an ambient <see cref="TransactionScope" />, raises <see cref="DynamoDbEventId.TransactionIgnoredWarning" />,
///     which throws with a message saying so unless the application ignores it; then the calls do nothing.
/// </summary>
public class DynamoTransactionManager(IDiagnosticsLogger<DbLoggerCategory.Database.Transaction> logger)
    : IDbContextTransactionManager, ITransactionEnlistmentManager
{
    /// <inheritdoc />
    public virtual IDbContextTransaction BeginTransaction()
    {
        logger.TransactionIgnoredWarning(nameof(BeginTransaction));
        return new DynamoIgnoredTransaction(logger);
    }

    /// <inheritdoc />
    public virtual Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
        => Task.FromResult(BeginTransaction());

    /// <inheritdoc />
    public virtual void CommitTransaction() => logger.TransactionIgnoredWarning(nameof(CommitTransaction));

    /// <inheritdoc />
    public virtual Task CommitTransactionAsync(CancellationToken cancellationToken = default)
    {
        CommitTransaction();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public virtual void RollbackTransaction() => logger.TransactionIgnoredWarning(nameof(RollbackTransaction));

    /// <inheritdoc />
    public virtual Task RollbackTransactionAsync(CancellationToken cancellationToken = default)
    {
        RollbackTransaction();
        return Task.CompletedTask;
    }

    // The ignored transaction is never current: SaveChanges and the execution strategy behave as without one.
    /// <inheritdoc />
    public virtual IDbContextTransaction? CurrentTransaction => null;

    /// <inheritdoc />
    public virtual Transaction? EnlistedTransaction => null;

    /// <inheritdoc />
    public virtual void EnlistTransaction(Transaction? transaction)
    {
        if (transaction != null)
        {
            logger.TransactionIgnoredWarning(nameof(EnlistTransaction));
        }
    }

    /// <summary>
    ///     A retrying execution strategy asks for the ambient transaction before it runs an operation, and would refuse
    ///     one with EF Core's advice to use <c>CreateExecutionStrategy</c>, which does not apply here: DynamoDB never
    ///     takes part in it. So the ambient transaction raises the warning, and is ignored when the warning is.
    /// </summary>
    public virtual Transaction? CurrentAmbientTransaction
    {
        get
        {
            if (Transaction.Current != null)
            {
                logger.TransactionIgnoredWarning(nameof(TransactionScope));
            }

            return null;
        }
    }

    /// <inheritdoc />
    public virtual void ResetState()
    {
    }

    /// <inheritdoc />
    public virtual Task ResetStateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
}

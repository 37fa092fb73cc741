using System.Transactions;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     DynamoDB has no open-ended transactions: each <c>SaveChanges</c> is its own unit of work, so explicit
///     transactions are refused with a message saying so.
/// </summary>
public class DynamoTransactionManager : IDbContextTransactionManager, ITransactionEnlistmentManager
{
    public virtual IDbContextTransaction BeginTransaction()
        => throw new NotSupportedException(DynamoStrings.TransactionsNotSupported);

    public virtual Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
        => throw new NotSupportedException(DynamoStrings.TransactionsNotSupported);

    public virtual void CommitTransaction()
        => throw new NotSupportedException(DynamoStrings.TransactionsNotSupported);

    public virtual Task CommitTransactionAsync(CancellationToken cancellationToken = default)
        => throw new NotSupportedException(DynamoStrings.TransactionsNotSupported);

    public virtual void RollbackTransaction()
        => throw new NotSupportedException(DynamoStrings.TransactionsNotSupported);

    public virtual Task RollbackTransactionAsync(CancellationToken cancellationToken = default)
        => throw new NotSupportedException(DynamoStrings.TransactionsNotSupported);

    public virtual IDbContextTransaction? CurrentTransaction => null;

    public virtual Transaction? EnlistedTransaction => null;

    public virtual void EnlistTransaction(Transaction? transaction)
    {
        if (transaction != null)
        {
            throw new NotSupportedException(DynamoStrings.TransactionsNotSupported);
        }
    }

    public virtual void ResetState()
    {
    }

    public virtual Task ResetStateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
}

using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
///     Retries an operation (a query, or a whole <c>SaveChanges</c>) that DynamoDB refused for a transient reason:
///     throttling, an internal error (5xx), a transaction that conflicted with another one, or an answer lost on the
///     way (a timeout, a cut connection), with exponential backoff. An endpoint that cannot be reached at all is not
///     retried: nothing was sent, and a stopped or misnamed endpoint does not come back within a backoff.
///     The client the provider builds does not retry by itself, so every retry is this strategy's, and logged.
/// </summary>
public class DynamoExecutionStrategy : ExecutionStrategy
{
    private IDbContextTransactionManager? _transactionManager;

    /// <summary>Creates a strategy with the default number of retries and maximum delay.</summary>
    /// <param name="dependencies">The services the strategy uses.</param>
    public DynamoExecutionStrategy(ExecutionStrategyDependencies dependencies)
        : this(dependencies, DefaultMaxRetryCount, DefaultMaxDelay)
    {
    }

    /// <summary>Creates a strategy that retries at most <paramref name="maxRetryCount" /> times.</summary>
    /// <param name="dependencies">The services the strategy uses.</param>
    /// <param name="maxRetryCount">The maximum number of retries.</param>
    /// <param name="maxRetryDelay">The longest delay between two retries.</param>
    public DynamoExecutionStrategy(ExecutionStrategyDependencies dependencies, int maxRetryCount, TimeSpan maxRetryDelay)
        : base(dependencies, maxRetryCount, maxRetryDelay)
    {
    }

    /// <summary>
    ///     Runs the operation, retrying it after a transient failure as EF Core's strategy does. Without a success check
    ///     (every operation of the provider, and most of an application's) the retries run in one loop: EF Core's base
    ///     class wraps each execution in a further asynchronous method and a delegate, a cost every read would pay.
    /// </summary>
    /// <typeparam name="TState">The type of the state.</typeparam>
    /// <typeparam name="TResult">The type of the operation's result.</typeparam>
    /// <param name="state">The state passed to the operation.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="verifySucceeded">Tests whether the operation succeeded even though it threw; optional.</param>
    /// <param name="cancellationToken">Cancels the retries, not an attempt already sent.</param>
    /// <returns>The operation's result.</returns>
    public override Task<TResult> ExecuteAsync<TState, TResult>(
        TState state,
        Func<DbContext, TState, CancellationToken, Task<TResult>> operation,
        Func<DbContext, TState, CancellationToken, Task<ExecutionResult<TResult>>>? verifySucceeded,
        CancellationToken cancellationToken = default)
        => verifySucceeded == null
            ? RetryAsync(state, operation, cancellationToken)
            : base.ExecuteAsync(state, operation, verifySucceeded, cancellationToken);

    private async Task<TResult> RetryAsync<TState, TResult>(
        TState state,
        Func<DbContext, TState, CancellationToken, Task<TResult>> operation,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var context = Dependencies.CurrentContext.Context;
        if (Current != null)
        {
            // Nested in an operation already under a strategy: the outermost one retries.
            return await operation(context, state, cancellationToken).ConfigureAwait(false);
        }

        OnFirstExecution();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                // Resumed on the caller's context, as EF Core's loop is, so that a retry runs where the first attempt did.
                Current = this;
                var result = await operation(context, state, cancellationToken).ConfigureAwait(true);
                Current = null;
                return result;
            }
            catch (Exception exception)
            {
                Current = null;
                EntityFrameworkMetricsData.ReportExecutionStrategyOperationFailure();
                if (!CallOnWrappedException(exception, ShouldRetryOn))
                {
                    throw;
                }

                ExceptionsEncountered.Add(exception);
                var delay = GetNextDelay(exception)
                    ?? throw new RetryLimitExceededException(CoreStrings.RetryLimitExceeded(MaxRetryCount, GetType().Name), exception);
                Dependencies.Logger.ExecutionStrategyRetrying(ExceptionsEncountered, delay, async: true);
                OnRetry();
                await Task.Delay(delay, cancellationToken).ConfigureAwait(true);
            }
        }
    }

    /// <summary>
    ///     Refuses to run a retrying operation inside a transaction, as EF Core's strategy does, asking the context's
    ///     transaction manager alone: EF Core asks through the database facade, whose dependencies would build the
    ///     database creator and the other services they hold for every new context that reads.
    /// </summary>
    protected override void OnFirstExecution()
    {
        if (RetriesOnFailure)
        {
            _transactionManager ??= Dependencies.CurrentContext.Context.GetService<IDbContextTransactionManager>();
            var enlistment = _transactionManager as ITransactionEnlistmentManager;
            if (_transactionManager.CurrentTransaction != null
                || enlistment?.EnlistedTransaction != null
                || enlistment?.CurrentAmbientTransaction != null)
            {
                throw new InvalidOperationException(
                    CoreStrings.ExecutionStrategyExistingTransaction(GetType().Name, "DbContext.Database.CreateExecutionStrategy()"));
            }
        }

        ExceptionsEncountered.Clear();
    }

    /// <summary>Whether the operation is retried after <paramref name="exception" />: when <see cref="IsTransient" /> says so.</summary>
    /// <param name="exception">The exception the operation threw.</param>
    /// <returns><see langword="true" /> to retry the operation.</returns>
    protected override bool ShouldRetryOn(Exception exception)
        => IsTransient(exception);

    /// <summary>
    ///     Whether DynamoDB may accept the same request when it is sent again: throttling, 5xx, transaction conflicts, a
    ///     request whose answer was lost, and a transaction of the same client request token still in progress (an
    ///     earlier attempt whose answer was lost).
    /// </summary>
    public static bool IsTransient(Exception exception)
        => exception switch
        {
            _ when DynamoTransportFailures.IsAnswerLost(exception) => true,
            ProvisionedThroughputExceededException or RequestLimitExceededException or InternalServerErrorException
                or TransactionConflictException or TransactionInProgressException => true,
            TransactionCanceledException canceled => canceled.CancellationReasons?.Any(
                r => r.Code is "TransactionConflict" or "ThrottlingError" or "ProvisionedThroughputExceeded") == true,
            // Operations that do not model an error (a schema request's throttling) give it by code only.
            AmazonServiceException service => (int)service.StatusCode >= 500
                || service.ErrorCode is "ThrottlingException" or "ProvisionedThroughputExceededException",
            _ => false
        };
}

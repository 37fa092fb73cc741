using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using EFCore.DynamoDb.Storage.Internal;

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
    public DynamoExecutionStrategy(ExecutionStrategyDependencies dependencies)
        : this(dependencies, DefaultMaxRetryCount, DefaultMaxDelay)
    {
    }

    public DynamoExecutionStrategy(ExecutionStrategyDependencies dependencies, int maxRetryCount, TimeSpan maxRetryDelay)
        : base(dependencies, maxRetryCount, maxRetryDelay)
    {
    }

    protected override bool ShouldRetryOn(Exception exception)
        => IsTransient(exception);

    /// <summary>
    ///     Whether DynamoDB may accept the same request when it is sent again: throttling, 5xx, transaction conflicts,
    ///     and a request whose answer was lost.
    /// </summary>
    public static bool IsTransient(Exception exception)
        => exception switch
        {
            _ when DynamoTransportFailures.IsAnswerLost(exception) => true,
            ProvisionedThroughputExceededException or RequestLimitExceededException or InternalServerErrorException
                or TransactionConflictException => true,
            TransactionCanceledException canceled => canceled.CancellationReasons?.Any(
                r => r.Code is "TransactionConflict" or "ThrottlingError" or "ProvisionedThroughputExceeded") == true,
            AmazonServiceException service => (int)service.StatusCode >= 500 || service.ErrorCode == "ThrottlingException",
            _ => false
        };
}

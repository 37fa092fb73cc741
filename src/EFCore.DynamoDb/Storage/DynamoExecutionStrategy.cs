using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
///     Retries an operation (a query, or a whole <c>SaveChanges</c>) that DynamoDB refused for a transient reason:
///     throttling, an internal error (5xx), or a transaction that conflicted with another one. The AWS SDK retries
///     each request a few times first; this strategy retries the operation, with exponential backoff.
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
    ///     Whether DynamoDB may accept the same request when it is sent again: throttling, 5xx, transaction conflicts, and
    ///     a transaction of the same client request token still in progress (an earlier attempt whose answer was lost).
    /// </summary>
    public static bool IsTransient(Exception exception)
        => exception switch
        {
            ProvisionedThroughputExceededException or RequestLimitExceededException or InternalServerErrorException
                or TransactionConflictException or TransactionInProgressException => true,
            TransactionCanceledException canceled => canceled.CancellationReasons?.Any(
                r => r.Code is "TransactionConflict" or "ThrottlingError" or "ProvisionedThroughputExceeded") == true,
            AmazonServiceException service => (int)service.StatusCode >= 500 || service.ErrorCode == "ThrottlingException",
            _ => false
        };
}

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     DynamoDB refused a request for a reason that sending it again would not change (a missing table, an invalid item),
///     or answered with an error after which the request must not be retried. Its message is DynamoDB's; the SDK's
///     exception is the inner one. Failures the execution strategy retries are never turned into this exception.
/// </summary>
public sealed class DynamoRequestFailedException : Exception
{
    /// <summary>Creates the exception for DynamoDB's answer.</summary>
    /// <param name="serviceException">DynamoDB's answer, as the SDK reported it.</param>
    public DynamoRequestFailedException(Exception serviceException)
        : base(serviceException.Message, serviceException)
    {
    }
}

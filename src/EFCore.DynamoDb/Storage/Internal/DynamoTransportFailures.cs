using System.Net.Http;
using Amazon.Runtime;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Tells apart the ways a request can fail without an answer from DynamoDB: the endpoint could not be reached
///     (nothing was sent), or the answer was lost on the way (timed out, or the connection was cut), in which case the
///     request may have been applied.
/// </summary>
public static class DynamoTransportFailures
{
    /// <summary>The connection was refused or the host name did not resolve: the request never left the process.</summary>
    public static bool IsUnreachable(Exception exception)
        => exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };

    /// <summary>
    ///     The request was sent, or may have been, and no complete answer came back: a timeout, a connection closed
    ///     before the answer, or one cut in the middle of its body (which the SDK reports as an unmarshalling error).
    /// </summary>
    public static bool IsAnswerLost(Exception exception)
        => exception switch
        {
            TimeoutException or IOException => true,
            HttpRequestException => !IsUnreachable(exception),
            AmazonUnmarshallingException { InnerException: IOException } => true,
            _ => false
        };

    /// <summary>
    ///     A write failed in a way that does not say whether DynamoDB applied it: its answer was lost, or DynamoDB
    ///     answered with a server error (5xx). Sending it again is safe only when the write is idempotent.
    /// </summary>
    public static bool MayHaveBeenApplied(Exception exception)
        => IsAnswerLost(exception) || exception is AmazonServiceException { StatusCode: >= System.Net.HttpStatusCode.InternalServerError };
}

using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Amazon.DynamoDBv2.Model;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Tests.Storage;

/// <summary>Which failures the execution strategy retries: DynamoDB's transient refusals and lost answers, never an unreachable endpoint.</summary>
public class TransientFailureTests
{
    public static TheoryData<Exception, bool> Failures => new()
    {
        { new ProvisionedThroughputExceededException("throttled"), true },
        { new InternalServerErrorException("500") { StatusCode = HttpStatusCode.InternalServerError }, true },
        { new TimeoutException("no answer in time"), true },
        { new HttpIOException(HttpRequestError.ResponseEnded, "cut"), true },
        { new HttpRequestException(HttpRequestError.ResponseEnded, "closed before the answer"), true },
        { new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused)), false },
        { new HttpRequestException(HttpRequestError.NameResolutionError, "no such host"), false },
        { new ConditionalCheckFailedException("condition"), false },
        { new InvalidOperationException("bad input"), false }
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void IsTransient_retries_refusals_and_lost_answers_but_not_an_unreachable_endpoint(Exception failure, bool transient)
        => Assert.Equal(transient, DynamoExecutionStrategy.IsTransient(failure));
}

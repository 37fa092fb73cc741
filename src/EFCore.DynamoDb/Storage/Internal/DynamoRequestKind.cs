using Amazon.DynamoDBv2;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     One kind of DynamoDB request, as <see cref="DynamoClientWrapper" /> sends it: how it goes to the client, how it is
///     described for the log, and, for a read or write, where its response says what capacity it consumed. The instances
///     in <see cref="DynamoRequestKinds" /> hold static delegates, so that sending a request allocates none.
/// </summary>
/// <typeparam name="TRequest">What a request of this kind is made of: the SDK request, or what it is built from.</typeparam>
/// <typeparam name="TResponse">The SDK response.</typeparam>
public sealed class DynamoRequestKind<TRequest, TResponse>
{
    /// <summary>A read or write, whose consumed capacity is added to the context's sum.</summary>
    public DynamoRequestKind(
        bool isWrite,
        Func<IAmazonDynamoDB, TRequest, CancellationToken, Task<TResponse>> send,
        Func<TRequest, DynamoRequestDescription> describe,
        Func<TResponse, double?> consumedCapacity)
    {
        IsWrite = isWrite;
        Send = send;
        Describe = describe;
        ConsumedCapacity = consumedCapacity;
    }

    /// <summary>A schema or connection request, which consumes no capacity.</summary>
    public DynamoRequestKind(Func<IAmazonDynamoDB, TRequest, CancellationToken, Task<TResponse>> send, Func<TRequest, DynamoRequestDescription> describe)
    {
        Send = send;
        Describe = describe;
    }

    /// <summary>Whether the request writes: a write is retried with its whole operation, not on its own.</summary>
    public bool IsWrite { get; }

    /// <summary>Sends the request with the client.</summary>
    public Func<IAmazonDynamoDB, TRequest, CancellationToken, Task<TResponse>> Send { get; }

    /// <summary>Describes the request for the log; called only when a logger or listener takes the event.</summary>
    public Func<TRequest, DynamoRequestDescription> Describe { get; }

    /// <summary>
    ///     The capacity units the response reports, for a read or write (<see langword="null" /> when DynamoDB was not
    ///     asked for them); <see langword="null" /> for a request whose capacity is not counted.
    /// </summary>
    public Func<TResponse, double?>? ConsumedCapacity { get; }
}

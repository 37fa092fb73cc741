using System.Net;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Sockets;
using System.Text;

namespace EFCore.DynamoDb.FunctionalTests.TestUtilities;

/// <summary>
///     A loopback HTTP proxy in front of DynamoDB Local that loses answers on purpose. Each request is shown to a rule,
///     which decides what the client gets: the real answer, the answer lost after DynamoDB applied the request (an HTTP
///     500, or the connection cut in the middle of the answer), or throttling or a refusal without the request reaching
///     DynamoDB.
///     Point a context at <see cref="ServiceUrl" /> or <see cref="CreateClientServices" />; the proxy counts what it received and what it forwarded,
///     and how many requests of an operation it held at once: a hold may keep a request from DynamoDB until others arrive.
/// </summary>
public sealed class FaultInjectingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly HttpClient _target = new() { BaseAddress = new Uri(DynamoDbTestServer.ServiceUrl) };
    private readonly Func<ProxyRequest, ProxyFault> _rule;
    private readonly Func<ProxyRequest, Task>? _hold;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private readonly Dictionary<string, int> _received = [];
    private readonly Dictionary<string, int> _forwarded = [];
    private readonly Dictionary<string, int> _inFlight = [];
    private readonly Dictionary<string, int> _maxInFlight = [];
    private readonly List<AmazonDynamoDBClient> _clients = [];

    public FaultInjectingProxy(Func<ProxyRequest, ProxyFault> rule, Func<ProxyRequest, Task>? hold = null)
    {
        _rule = rule;
        _hold = hold;
        _listener.Start();
        ServiceUrl = "http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public string ServiceUrl { get; }

    /// <summary>
    ///     Application services holding a DynamoDB client that talks to the proxy, for <c>UseApplicationServiceProvider</c>
    ///     (one EF service provider serves every proxy); with or without the SDK's own retries.
    /// </summary>
    public IServiceProvider CreateClientServices(bool sdkRetries)
    {
        var config = new AmazonDynamoDBConfig { ServiceURL = ServiceUrl, AuthenticationRegion = "us-east-1" };
        if (!sdkRetries)
        {
            config.MaxErrorRetry = 0;
        }

        var client = new AmazonDynamoDBClient(new BasicAWSCredentials("test", "test"), config);
        _clients.Add(client);
        return new ServiceCollection().AddSingleton<IAmazonDynamoDB>(client).BuildServiceProvider();
    }

    /// <summary>How many requests of an operation (e.g. "TransactWriteItems") the client sent, retries included.</summary>
    public int Received(string operation) => Count(_received, operation);

    /// <summary>How many requests of an operation reached DynamoDB Local.</summary>
    public int Forwarded(string operation) => Count(_forwarded, operation);

    /// <summary>The most requests of an operation that were in the proxy at once, received and not yet answered.</summary>
    public int MaxInFlight(string operation) => Count(_maxInFlight, operation);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        _target.Dispose();
        _stopping.Dispose();
        _clients.ForEach(c => c.Dispose());
    }

    private static int Count(Dictionary<string, int> counts, string operation)
    {
        lock (counts)
        {
            return counts.GetValueOrDefault(operation);
        }
    }

    private static int Increment(Dictionary<string, int> counts, string operation)
    {
        lock (counts)
        {
            return counts[operation] = counts.GetValueOrDefault(operation) + 1;
        }
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
                connections.Add(ServeAsync(client));
            }
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
        }

        await Task.WhenAll(connections);
    }

    // One connection, kept alive across requests until the client closes it or a fault cuts it.
    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        client.NoDelay = true;
        try
        {
            var stream = client.GetStream();
            while (await ReadRequestAsync(stream, _stopping.Token) is { } request)
            {
                if (!await AnswerAsync(stream, request))
                {
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
        {
            // The client went away (it gave up on a request, or the test ended).
        }
    }

    // Returns false when the connection was cut.
    private async Task<bool> AnswerAsync(NetworkStream stream, (string Target, Dictionary<string, string> Headers, byte[] Body) request)
    {
        var operation = request.Headers.TryGetValue("X-Amz-Target", out var target) ? target.Split('.')[^1] : "";
        var number = Increment(_received, operation);
        lock (_inFlight)
        {
            _inFlight[operation] = _inFlight.GetValueOrDefault(operation) + 1;
            _maxInFlight[operation] = Math.Max(_maxInFlight.GetValueOrDefault(operation), _inFlight[operation]);
        }

        try
        {
            return await AnswerAsync(stream, request, new ProxyRequest(operation, Encoding.UTF8.GetString(request.Body), number));
        }
        finally
        {
            lock (_inFlight)
            {
                _inFlight[operation]--;
            }
        }
    }

    private async Task<bool> AnswerAsync(
        NetworkStream stream,
        (string Target, Dictionary<string, string> Headers, byte[] Body) request,
        ProxyRequest proxyRequest)
    {
        var operation = proxyRequest.Operation;
        if (_hold != null)
        {
            await _hold(proxyRequest);
        }

        var fault = _rule(proxyRequest);
        if (fault is ProxyFault.Throttle or ProxyFault.Refuse)
        {
            await WriteResponseAsync(
                stream,
                400,
                fault == ProxyFault.Throttle
                    ? """{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"Injected throttling"}"""u8.ToArray()
                    : """{"__type":"com.amazon.coral.validate#ValidationException","message":"Injected refusal"}"""u8.ToArray());
            return true;
        }

        using var forwarded = new HttpRequestMessage(HttpMethod.Post, request.Target) { Content = new ByteArrayContent(request.Body) };
        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                forwarded.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else if (name.StartsWith("X-Amz-", StringComparison.OrdinalIgnoreCase) || name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                forwarded.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await _target.SendAsync(forwarded, _stopping.Token);
        var body = await response.Content.ReadAsByteArrayAsync(_stopping.Token);
        Increment(_forwarded, operation);
        switch (fault)
        {
            case ProxyFault.LoseWith500:
                await WriteResponseAsync(
                    stream, 500, """{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Injected lost answer"}"""u8.ToArray());
                return true;
            case ProxyFault.CutConnection:
                // Announce the whole answer, send half of it and close: the client sees the connection end mid-answer.
                await WriteResponseAsync(stream, (int)response.StatusCode, body, sendOnly: body.Length / 2);
                return false;
            default:
                await WriteResponseAsync(stream, (int)response.StatusCode, body);
                return true;
        }
    }

    private static async Task WriteResponseAsync(NetworkStream stream, int status, byte[] body, int? sendOnly = null)
    {
        var head = $"HTTP/1.1 {status} {(status == 200 ? "OK" : "Error")}\r\n"
            + "Content-Type: application/x-amz-json-1.0\r\n"
            + $"Content-Length: {body.Length}\r\n"
            + $"x-amzn-RequestId: {Guid.NewGuid()}\r\n\r\n";
        // One write, so that the head does not wait for an acknowledgement before the body goes.
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head).Concat(body.Take(sendOnly ?? body.Length)).ToArray());
        await stream.FlushAsync();
    }

    // A request as the SDK sends it: a POST with a Content-Length body (the SDK does not chunk DynamoDB requests).
    private static async Task<(string Target, Dictionary<string, string> Headers, byte[] Body)?> ReadRequestAsync(
        NetworkStream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || head[^4] != '\r' || head[^3] != '\n' || head[^2] != '\r' || head[^1] != '\n')
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return null;
            }

            head.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = lines.Skip(1)
            .Select(l => (Name: l[..l.IndexOf(':', StringComparison.Ordinal)], Value: l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))
            .ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);
        if (headers.ContainsKey("Expect"))
        {
            await stream.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), cancellationToken);
        }

        var body = new byte[int.Parse(headers.GetValueOrDefault("Content-Length", "0"), System.Globalization.CultureInfo.InvariantCulture)];
        await stream.ReadExactlyAsync(body, cancellationToken);
        return (lines[0].Split(' ')[1], headers, body);
    }
}

/// <summary>A request the proxy received: the DynamoDB operation, its JSON body, and how many of that operation came so far (1 for the first).</summary>
public sealed record ProxyRequest(string Operation, string Body, int Number);

/// <summary>What the proxy does with a request.</summary>
public enum ProxyFault
{
    /// <summary>Forward it and return DynamoDB's answer.</summary>
    None,

    /// <summary>Forward it (DynamoDB applies it), then answer HTTP 500: the answer is lost.</summary>
    LoseWith500,

    /// <summary>Forward it (DynamoDB applies it), then cut the connection in the middle of the answer.</summary>
    CutConnection,

    /// <summary>Answer with throttling; the request never reaches DynamoDB.</summary>
    Throttle,

    /// <summary>Answer with a <c>ValidationException</c>, which no retry changes; the request never reaches DynamoDB.</summary>
    Refuse
}

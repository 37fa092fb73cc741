using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.FunctionalTests.Storage;

/// <summary>
///     An endpoint that cannot be reached, or does not answer, fails with a message naming it, after exactly the attempts
///     the execution strategy logs: the client the provider builds does not retry by itself.
/// </summary>
public class UnreachableEndpointTests
{
    private readonly RequestRecorder _recorder = new();

    [Fact]
    public void The_client_the_provider_builds_leaves_retries_to_the_execution_strategy_and_has_a_request_timeout()
    {
        using var byDefault = new GameContext(Options("http://127.0.0.1:1"));
        using var configured = new GameContext(Options("http://127.0.0.1:1", o => o.RequestTimeout(TimeSpan.FromSeconds(3))));

        var config = ((AmazonDynamoDBClient)byDefault.Database.GetDynamoClient()).Config;
        Assert.Equal(0, config.MaxErrorRetry);
        Assert.Equal(TimeSpan.FromSeconds(10), config.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(3), ((AmazonDynamoDBClient)configured.Database.GetDynamoClient()).Config.Timeout);
    }

    [Fact]
    public void A_request_timeout_must_be_positive()
        => Assert.Throws<ArgumentOutOfRangeException>(
            () => new DbContextOptionsBuilder().UseDynamoDb(o => o.RequestTimeout(TimeSpan.Zero)));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Find_on_a_closed_port_fails_once_with_a_message_naming_the_endpoint(bool explicitRetries)
    {
        var url = ClosedPortUrl();
        await using var db = new GameContext(
            Options(url, explicitRetries ? o => o.EnableRetryOnFailure(5, TimeSpan.FromMilliseconds(10)) : null));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => db.GameScores.FindAsync("u", "t").AsTask());

        Assert.Contains(url, error.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(error.InnerException);
        AssertAttempts("GetItem", attempts: 1);
    }

    [Fact]
    public async Task SaveChanges_on_a_closed_port_fails_once_with_a_message_naming_the_endpoint()
    {
        var url = ClosedPortUrl();
        await using var db = new GameContext(Options(url));
        db.GameScores.Add(new GameScore { UserId = "u", Title = "t" });

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => db.SaveChangesAsync());

        Assert.Contains(url, error.Message, StringComparison.Ordinal);
        AssertAttempts("PutItem", attempts: 1);
    }

    [Fact]
    public async Task An_endpoint_that_never_answers_times_out_and_every_retry_is_logged()
    {
        // The kernel completes the connections in the listener's backlog; nothing ever reads or answers them.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}";
        await using var db = new GameContext(Options(
            url, o => o.RequestTimeout(TimeSpan.FromMilliseconds(300)).EnableRetryOnFailure(2, TimeSpan.FromMilliseconds(10))));

        var error = await Assert.ThrowsAsync<RetryLimitExceededException>(() => db.GameScores.FindAsync("u", "t").AsTask());

        var timeout = Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Contains(url, timeout.Message, StringComparison.Ordinal);
        Assert.Contains("RequestTimeout", timeout.Message, StringComparison.Ordinal);
        AssertAttempts("GetItem", attempts: 3);
    }

    [Fact]
    public async Task Without_retries_an_endpoint_that_never_answers_fails_after_one_attempt()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}";
        await using var db = new GameContext(Options(
            url, o => o.RequestTimeout(TimeSpan.FromMilliseconds(300)).ExecutionStrategy(d => new NonRetryingExecutionStrategy(d))));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => db.GameScores.FindAsync("u", "t").AsTask());

        Assert.Contains(url, error.Message, StringComparison.Ordinal);
        AssertAttempts("GetItem", attempts: 1);
    }

    [Fact]
    public async Task A_connection_closed_without_an_answer_is_a_lost_answer_and_is_retried()
    {
        // Reads each request, then hangs up without a byte of answer.
        using var hangUp = new TcpListener(IPAddress.Loopback, 0);
        hangUp.Start();
        using var stop = new CancellationTokenSource();
        var server = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var connection = await hangUp.AcceptTcpClientAsync(stop.Token);
                await connection.GetStream().ReadAtLeastAsync(new byte[64 * 1024], 1, throwOnEndOfStream: false, stop.Token);
            }
        });
        var url = $"http://127.0.0.1:{((IPEndPoint)hangUp.LocalEndpoint).Port}";
        await using var db = new GameContext(Options(url, o => o.EnableRetryOnFailure(2, TimeSpan.FromMilliseconds(10))));

        var error = await Assert.ThrowsAsync<RetryLimitExceededException>(() => db.GameScores.FindAsync("u", "t").AsTask());

        Assert.IsAssignableFrom<IOException>(error.InnerException);
        AssertAttempts("GetItem", attempts: 3);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => server);
    }

    // Each attempt is one failed request event; each attempt after the first is announced by the execution strategy.
    private void AssertAttempts(string operation, int attempts)
    {
        var failed = _recorder.Requests.Where(r => r.EventId == DynamoDbEventId.RequestFailed).ToList();
        Assert.Equal(attempts, failed.Count);
        Assert.All(failed, r => Assert.Equal(operation, r.Operation));
        Assert.Empty(_recorder.Operations);
        Assert.Equal(attempts - 1, _recorder.Log.Count(l => l.Id == CoreEventId.ExecutionStrategyRetrying));
    }

    private DbContextOptions<GameContext> Options(string url, Action<Microsoft.EntityFrameworkCore.Infrastructure.DynamoDbContextOptionsBuilder>? configure = null)
        => new DbContextOptionsBuilder<GameContext>().AllowManyServiceProviders()
            .UseDynamoDb(o =>
            {
                o.ServiceUrl(url).Credentials("test", "test");
                configure?.Invoke(o);
            })
            .LogTo((_, _) => true, _recorder.Record)
            .Options;

    // A port that was just free: nobody listens on it, so connecting is refused at once.
    private static string ClosedPortUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}

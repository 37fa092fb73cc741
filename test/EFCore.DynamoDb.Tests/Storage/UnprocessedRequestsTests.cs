using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Tests.Storage;

/// <summary>The one loop of batch operations: what DynamoDB leaves unprocessed is sent again, with backoff, and never dropped.</summary>
public class UnprocessedRequestsTests
{
    private readonly List<int> _sent = [];
    private readonly List<TimeSpan> _delays = [];

    [Fact]
    public async Task What_is_left_is_sent_again_with_doubling_delays_until_nothing_is_left()
    {
        await SendAsync(10, left => Task.FromResult(left / 2));

        Assert.Equal([10, 5, 2, 1], _sent);
        Assert.Equal([25, 50, 100], _delays.Select(d => d.TotalMilliseconds));
    }

    [Fact]
    public async Task Nothing_pending_sends_nothing()
    {
        await SendAsync(0, left => Task.FromResult(left));

        Assert.Empty(_sent);
    }

    [Fact]
    public async Task A_request_refused_as_a_whole_is_sent_again()
    {
        await SendAsync(4, left => _sent.Count == 1 ? throw new TimeoutException("refused") : Task.FromResult(0));

        Assert.Equal([4, 4], _sent);
        Assert.Single(_delays);
    }

    [Fact]
    public async Task A_refusal_of_the_last_attempt_is_thrown()
    {
        await Assert.ThrowsAsync<TimeoutException>(() => SendAsync(4, _ => throw new TimeoutException("refused")));

        Assert.Equal(DynamoUnprocessedRequests.MaxAttempts, _sent.Count);
    }

    [Fact]
    public async Task A_refusal_that_is_not_of_the_whole_request_is_thrown_at_once()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => SendAsync(4, _ => throw new InvalidOperationException("bad")));

        Assert.Single(_sent);
    }

    [Fact]
    public async Task What_is_still_left_after_the_last_attempt_is_reported_and_the_delays_stop_growing_at_the_maximum()
    {
        var error = await Assert.ThrowsAsync<DynamoUnprocessedItemsException>(() => SendAsync(3, left => Task.FromResult(left)));

        Assert.Equal(3, error.Remaining);
        Assert.Equal(DynamoUnprocessedRequests.MaxAttempts, error.Attempts);
        Assert.Equal(DynamoUnprocessedRequests.MaxAttempts, _sent.Count);
        Assert.Equal(DynamoUnprocessedRequests.MaxBackoff, _delays.Max());
        Assert.Equal(DynamoUnprocessedRequests.MaxAttempts - 1, _delays.Count);
    }

    // The pending work is a count of items; send returns how many the answer left.
    private Task SendAsync(int pending, Func<int, Task<int>> answer)
        => DynamoUnprocessedRequests.SendUntilProcessedAsync(new CountedBatch(this, answer), pending, CancellationToken.None);

    private readonly struct CountedBatch(UnprocessedRequestsTests test, Func<int, Task<int>> answer) : IDynamoBatchOperation<int>
    {
        public int Count(int pending) => pending;

        public Task<int> SendAsync(int pending, CancellationToken cancellationToken)
        {
            test._sent.Add(pending);
            return answer(pending);
        }

        public Task BackOffAsync(TimeSpan delay, CancellationToken cancellationToken)
        {
            test._delays.Add(delay);
            return Task.CompletedTask;
        }

        public bool IsRefusedWhole(Exception exception) => exception is TimeoutException;

        public Exception Exhausted(int left, int attempts) => new DynamoUnprocessedItemsException(left, attempts);
    }
}

using System.Collections.Concurrent;
using Amazon.Runtime;

namespace EFCore.DynamoDb.Benchmarks;

/// <summary>
///     Counts the HTTP requests of the benchmark's shared AWS client by DynamoDB operation (its X-Amz-Target header), so
///     the harness can check that every system sends the same requests. It counts only while <see cref="Enabled" />.
/// </summary>
internal sealed class RequestCounter : HttpClientFactory
{
    private const string TargetPrefix = "DynamoDB_20120810.";
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public bool Enabled { get; set; }

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new CountingHandler(this, new SocketsHttpHandler()));

    /// <summary>The requests since the last call, e.g. "BatchWriteItem×4".</summary>
    public string TakeSummary(out int total)
    {
        var counts = _counts.ToArray();
        _counts.Clear();
        total = counts.Sum(c => c.Value);
        return string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}×{c.Value}"));
    }

    private void Count(HttpRequestMessage request)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.First() : "?";
        _counts.AddOrUpdate(target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : target, 1, (_, n) => n + 1);
    }

    private sealed class CountingHandler(RequestCounter counter, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (counter.Enabled)
            {
                counter.Count(request);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}

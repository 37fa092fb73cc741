using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using EFCore.DynamoDb.Infrastructure.Internal;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Builds the <see cref="AmazonDynamoDBClient" /> once, lazily, from the singleton options, and disposes it
///     with the service provider. The SDK's own retries are off: left on, the DynamoDB client retries an unreachable
///     endpoint ten times with up to 20 s between tries (about two minutes), unlogged. Every retry is the execution
///     strategy's instead, logged as <see cref="CoreEventId.ExecutionStrategyRetrying" />.
/// </summary>
public sealed class DynamoClientProvider(IDynamoDbSingletonOptions options) : IDynamoClientProvider, IDisposable
{
    // DynamoDB Local ignores the region, but the SDK signs requests with one.
    private const string DefaultSigningRegion = "us-east-1";

    /// <summary>How long one attempt of a request may take when <c>RequestTimeout</c> is not set; the SDK's is 100 s.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(10);

    private readonly Lazy<AmazonDynamoDBClient> _client = new(() => CreateClient(options));

    /// <inheritdoc />
    public IAmazonDynamoDB Client => _client.Value;

    /// <summary>Disposes the client if it was built; a provider whose client was never asked for builds none.</summary>
    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }

    private static AmazonDynamoDBClient CreateClient(IDynamoDbSingletonOptions options)
    {
        var timeout = options.RequestTimeout ?? DefaultRequestTimeout;
        var config = new AmazonDynamoDBConfig { MaxErrorRetry = 0, Timeout = timeout, ConnectTimeout = timeout };
        if (options.ServiceUrl != null)
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region ?? DefaultSigningRegion;
        }
        else if (options.Region != null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        return options.AccessKey != null
            ? new AmazonDynamoDBClient(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config)
            : new AmazonDynamoDBClient(config);
    }
}

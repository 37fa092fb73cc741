using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using EFCore.DynamoDb.Infrastructure.Internal;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Builds the <see cref="AmazonDynamoDBClient" /> once, lazily, from the singleton options, and disposes it
///     with the service provider.
/// </summary>
public sealed class DynamoClientProvider(IDynamoDbSingletonOptions options) : IDynamoClientProvider, IDisposable
{
    // DynamoDB Local ignores the region, but the SDK signs requests with one.
    private const string DefaultSigningRegion = "us-east-1";

    private readonly Lazy<AmazonDynamoDBClient> _client = new(() => CreateClient(options));

    public IAmazonDynamoDB Client => _client.Value;

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }

    private static AmazonDynamoDBClient CreateClient(IDynamoDbSingletonOptions options)
    {
        var config = new AmazonDynamoDBConfig();
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

using Amazon.DynamoDBv2;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>Owns the AWS client built from the context options; one per internal service provider.</summary>
public interface IDynamoClientProvider
{
    /// <summary>The client, built on first use and shared by every context of the service provider.</summary>
    IAmazonDynamoDB Client { get; }
}

namespace EFCore.DynamoDb.Infrastructure.Internal;

/// <summary>The options that shape singleton services (the client), shared by every context of one service provider.</summary>
public interface IDynamoDbSingletonOptions : ISingletonOptions
{
    string? ServiceUrl { get; }

    string? Region { get; }

    string? AccessKey { get; }

    string? SecretKey { get; }

    TimeSpan? RequestTimeout { get; }
}

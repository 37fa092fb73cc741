namespace EFCore.DynamoDb.Infrastructure.Internal;

/// <summary>The options that shape singleton services (the client), shared by every context of one service provider.</summary>
public interface IDynamoDbSingletonOptions : ISingletonOptions
{
    /// <summary>The endpoint the client talks to; <see langword="null" /> to resolve it from the region.</summary>
    string? ServiceUrl { get; }

    /// <summary>The AWS region system name; <see langword="null" /> for the SDK's default.</summary>
    string? Region { get; }

    /// <summary>
    ///     The access key of explicit credentials; <see langword="null" /> for the SDK's default credential chain.
    /// </summary>
    string? AccessKey { get; }

    /// <summary>The secret key of explicit credentials.</summary>
    string? SecretKey { get; }

    /// <summary>
    ///     How long one attempt of a request may take; <see langword="null" /> for <see
    ///     cref="EFCore.DynamoDb.Storage.Internal.DynamoClientProvider.DefaultRequestTimeout" />.
    /// </summary>
    TimeSpan? RequestTimeout { get; }
}

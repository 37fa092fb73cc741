namespace EFCore.DynamoDb.Infrastructure.Internal;

/// <summary>
///     The connection options of the first context of a service provider; a later context asking for other connection
///     settings is refused, since they build the one shared client.
/// </summary>
public class DynamoDbSingletonOptions : IDynamoDbSingletonOptions
{
    /// <inheritdoc />
    public virtual string? ServiceUrl { get; private set; }

    /// <inheritdoc />
    public virtual string? Region { get; private set; }

    /// <inheritdoc />
    public virtual string? AccessKey { get; private set; }

    /// <inheritdoc />
    public virtual string? SecretKey { get; private set; }

    /// <inheritdoc />
    public virtual TimeSpan? RequestTimeout { get; private set; }

    /// <inheritdoc />
    public virtual void Initialize(IDbContextOptions options)
    {
        var extension = options.FindExtension<DynamoDbOptionsExtension>();
        if (extension != null)
        {
            ServiceUrl = extension.ServiceUrl;
            Region = extension.Region;
            AccessKey = extension.AccessKey;
            SecretKey = extension.SecretKey;
            RequestTimeout = extension.RequestTimeout;
        }
    }

    /// <inheritdoc />
    public virtual void Validate(IDbContextOptions options)
    {
        var extension = options.FindExtension<DynamoDbOptionsExtension>();
        var changed = extension == null
            ? null
            : ServiceUrl != extension.ServiceUrl
                ? nameof(DynamoDbContextOptionsBuilder.ServiceUrl)
                : Region != extension.Region
                    ? nameof(DynamoDbContextOptionsBuilder.Region)
                    : AccessKey != extension.AccessKey || SecretKey != extension.SecretKey
                        ? nameof(DynamoDbContextOptionsBuilder.Credentials)
                        : RequestTimeout != extension.RequestTimeout
                            ? nameof(DynamoDbContextOptionsBuilder.RequestTimeout)
                            : null;
        if (changed != null)
        {
            throw new InvalidOperationException(
                CoreStrings.SingletonOptionChanged(changed, nameof(DbContextOptionsBuilder.UseInternalServiceProvider)));
        }
    }
}

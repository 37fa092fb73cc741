namespace EFCore.DynamoDb.Infrastructure.Internal;

public class DynamoDbSingletonOptions : IDynamoDbSingletonOptions
{
    public virtual string? ServiceUrl { get; private set; }

    public virtual string? Region { get; private set; }

    public virtual string? AccessKey { get; private set; }

    public virtual string? SecretKey { get; private set; }

    public virtual TimeSpan? RequestTimeout { get; private set; }

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

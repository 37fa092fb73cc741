using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EFCore.DynamoDb.Infrastructure.Internal;

/// <summary>
///     The provider's options: how to reach DynamoDB and how to name tables.
///     Immutable; every <c>With…</c> method returns a changed copy, as EF Core requires.
/// </summary>
public class DynamoDbOptionsExtension : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public DynamoDbOptionsExtension()
    {
    }

    protected DynamoDbOptionsExtension(DynamoDbOptionsExtension copyFrom)
    {
        ServiceUrl = copyFrom.ServiceUrl;
        Region = copyFrom.Region;
        AccessKey = copyFrom.AccessKey;
        SecretKey = copyFrom.SecretKey;
        RequestTimeout = copyFrom.RequestTimeout;
        TableNamePrefix = copyFrom.TableNamePrefix;
        ScanBehavior = copyFrom.ScanBehavior;
        ConflictMode = copyFrom.ConflictMode;
        ExecutionStrategyFactory = copyFrom.ExecutionStrategyFactory;
    }

    public virtual DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public virtual string? ServiceUrl { get; private set; }

    public virtual string? Region { get; private set; }

    public virtual string? AccessKey { get; private set; }

    public virtual string? SecretKey { get; private set; }

    /// <summary>How long one attempt of a request may take, connecting included; <see langword="null" /> for the default.</summary>
    public virtual TimeSpan? RequestTimeout { get; private set; }

    public virtual string? TableNamePrefix { get; private set; }

    public virtual ScanBehavior ScanBehavior { get; private set; } = ScanBehavior.Warn;

    public virtual ConflictMode ConflictMode { get; private set; } = ConflictMode.Update;

    /// <summary>Creates the execution strategy; <see langword="null" /> for the default retrying one.</summary>
    public virtual Func<ExecutionStrategyDependencies, IExecutionStrategy>? ExecutionStrategyFactory { get; private set; }

    /// <summary>True when the options say how to reach DynamoDB, so the provider builds its own client.</summary>
    public virtual bool HasConnectionSettings => ServiceUrl != null || Region != null || AccessKey != null;

    protected virtual DynamoDbOptionsExtension Clone() => new(this);

    public virtual DynamoDbOptionsExtension WithServiceUrl(string? serviceUrl)
    {
        var clone = Clone();
        clone.ServiceUrl = serviceUrl;
        return clone;
    }

    public virtual DynamoDbOptionsExtension WithRegion(string? region)
    {
        var clone = Clone();
        clone.Region = region;
        return clone;
    }

    public virtual DynamoDbOptionsExtension WithCredentials(string accessKey, string secretKey)
    {
        var clone = Clone();
        clone.AccessKey = accessKey;
        clone.SecretKey = secretKey;
        return clone;
    }

    public virtual DynamoDbOptionsExtension WithRequestTimeout(TimeSpan? timeout)
    {
        var clone = Clone();
        clone.RequestTimeout = timeout;
        return clone;
    }

    public virtual DynamoDbOptionsExtension WithTableNamePrefix(string? prefix)
    {
        var clone = Clone();
        clone.TableNamePrefix = prefix;
        return clone;
    }

    public virtual DynamoDbOptionsExtension WithScanBehavior(ScanBehavior scanBehavior)
    {
        var clone = Clone();
        clone.ScanBehavior = scanBehavior;
        return clone;
    }

    public virtual DynamoDbOptionsExtension WithConflictMode(ConflictMode conflictMode)
    {
        var clone = Clone();
        clone.ConflictMode = conflictMode;
        return clone;
    }

    public virtual DynamoDbOptionsExtension WithExecutionStrategyFactory(Func<ExecutionStrategyDependencies, IExecutionStrategy>? factory)
    {
        var clone = Clone();
        clone.ExecutionStrategyFactory = factory;
        return clone;
    }

    public virtual void ApplyServices(IServiceCollection services) => services.AddEntityFrameworkDynamoDb();

    public virtual void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private string? _logFragment;

        private new DynamoDbOptionsExtension Extension => (DynamoDbOptionsExtension)base.Extension;

        public override bool IsDatabaseProvider => true;

        public override string LogFragment
        {
            get
            {
                if (_logFragment == null)
                {
                    var builder = new StringBuilder();
                    if (Extension.ServiceUrl != null)
                    {
                        builder.Append("ServiceUrl=").Append(Extension.ServiceUrl).Append(' ');
                    }

                    if (Extension.Region != null)
                    {
                        builder.Append("Region=").Append(Extension.Region).Append(' ');
                    }

                    if (Extension.RequestTimeout != null)
                    {
                        builder.Append("RequestTimeout=").Append(Extension.RequestTimeout.Value.ToString("c", CultureInfo.InvariantCulture)).Append(' ');
                    }

                    if (Extension.ScanBehavior != ScanBehavior.Warn)
                    {
                        builder.Append("ScanBehavior=").Append(Extension.ScanBehavior).Append(' ');
                    }

                    if (Extension.ConflictMode != ConflictMode.Update)
                    {
                        builder.Append("ConflictMode=").Append(Extension.ConflictMode).Append(' ');
                    }

                    if (Extension.TableNamePrefix != null)
                    {
                        builder.Append("TableNamePrefix=").Append(Extension.TableNamePrefix).Append(' ');
                    }

                    _logFragment = builder.ToString();
                }

                return _logFragment;
            }
        }

        // The client is a singleton of the internal service provider, so everything that shapes it
        // must separate service providers: two contexts with different endpoints never share a client.
        public override int GetServiceProviderHashCode()
            => HashCode.Combine(Extension.ServiceUrl, Extension.Region, Extension.AccessKey, Extension.SecretKey, Extension.RequestTimeout);

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other)
            => other is ExtensionInfo otherInfo
                && Extension.ServiceUrl == otherInfo.Extension.ServiceUrl
                && Extension.Region == otherInfo.Extension.Region
                && Extension.AccessKey == otherInfo.Extension.AccessKey
                && Extension.SecretKey == otherInfo.Extension.SecretKey
                && Extension.RequestTimeout == otherInfo.Extension.RequestTimeout;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
            debugInfo["DynamoDb:ServiceUrl"] = (Extension.ServiceUrl?.GetHashCode(StringComparison.Ordinal) ?? 0)
                .ToString(CultureInfo.InvariantCulture);
            debugInfo["DynamoDb:Region"] = (Extension.Region?.GetHashCode(StringComparison.Ordinal) ?? 0)
                .ToString(CultureInfo.InvariantCulture);
            debugInfo["DynamoDb:AccessKey"] = (Extension.AccessKey?.GetHashCode(StringComparison.Ordinal) ?? 0)
                .ToString(CultureInfo.InvariantCulture);
            debugInfo["DynamoDb:RequestTimeout"] = (Extension.RequestTimeout?.GetHashCode() ?? 0).ToString(CultureInfo.InvariantCulture);
        }
    }
}

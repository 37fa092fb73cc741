using System.Collections.Concurrent;
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

    // Every context these options configure names the same few tables: the prefixed name of each entity type is made
    // once for all of them, not a new string (and, per context, a new cache) each time. A copy starts without it, since
    // its prefix may differ.
    private ConcurrentDictionary<IReadOnlyEntityType, string>? _prefixedTableNames;

    /// <summary>Options with nothing set: the SDK's defaults for the connection, the provider's for the rest.</summary>
    public DynamoDbOptionsExtension()
    {
    }

    /// <summary>A copy of <paramref name="copyFrom" />, for a <c>With…</c> method to change.</summary>
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
        TrackConsumedCapacity = copyFrom.TrackConsumedCapacity;
    }

    /// <inheritdoc />
    public virtual DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    /// <summary>The endpoint to talk to; <see langword="null" /> to resolve it from the region.</summary>
    public virtual string? ServiceUrl { get; private set; }

    /// <summary>The AWS region system name; <see langword="null" /> for the SDK's default.</summary>
    public virtual string? Region { get; private set; }

    /// <summary>
    ///     The access key of explicit credentials; <see langword="null" /> for the SDK's default credential chain.
    /// </summary>
    public virtual string? AccessKey { get; private set; }

    /// <summary>The secret key of explicit credentials.</summary>
    public virtual string? SecretKey { get; private set; }

    /// <summary>How long one attempt of a request may take, connecting included; <see langword="null" /> for the default.</summary>
    public virtual TimeSpan? RequestTimeout { get; private set; }

    /// <summary>The prefix put before every table name, so that several environments can share an account.</summary>
    public virtual string? TableNamePrefix { get; private set; }

    /// <summary>The physical table name of <paramref name="entityType" />: its model table name after <see cref="TableNamePrefix" />.</summary>
    /// <param name="entityType">The entity type whose table is named.</param>
    /// <returns>The prefixed table name.</returns>
    public virtual string PrefixedTableName(IReadOnlyEntityType entityType)
        => string.IsNullOrEmpty(TableNamePrefix)
            ? entityType.GetDynamoTableName()
            : LazyInitializer.EnsureInitialized(ref _prefixedTableNames)
                .GetOrAdd(entityType, static (type, prefix) => prefix + type.GetDynamoTableName(), TableNamePrefix);

    /// <summary>
    ///     What a query that can only be answered by a <c>Scan</c> does: warn (the default), run silently, or throw.
    /// </summary>
    public virtual ScanBehavior ScanBehavior { get; private set; } = ScanBehavior.Warn;

    /// <summary>
    ///     How a save conditions its writes on what the context read (Flywheel's <c>default_conflict</c>).
    /// </summary>
    public virtual ConflictMode ConflictMode { get; private set; } = ConflictMode.Update;

    /// <summary>Creates the execution strategy; <see langword="null" /> for the default retrying one.</summary>
    public virtual Func<ExecutionStrategyDependencies, IExecutionStrategy>? ExecutionStrategyFactory { get; private set; }

    /// <summary>
    ///     Whether every request asks DynamoDB for the capacity it consumed, for <c>GetConsumedCapacity()</c>; without it
    ///     only the requests logged with <c>RequestExecuted</c> ask.
    /// </summary>
    public virtual bool TrackConsumedCapacity { get; private set; }

    /// <summary>True when the options say how to reach DynamoDB, so the provider builds its own client.</summary>
    public virtual bool HasConnectionSettings => ServiceUrl != null || Region != null || AccessKey != null;

    /// <summary>
    ///     A copy of these options, for a <c>With…</c> method to change; a derived extension returns its own type.
    /// </summary>
    protected virtual DynamoDbOptionsExtension Clone() => new(this);

    /// <summary>A copy with the service URL set.</summary>
    public virtual DynamoDbOptionsExtension WithServiceUrl(string? serviceUrl)
    {
        var clone = Clone();
        clone.ServiceUrl = serviceUrl;
        return clone;
    }

    /// <summary>A copy with the region set.</summary>
    public virtual DynamoDbOptionsExtension WithRegion(string? region)
    {
        var clone = Clone();
        clone.Region = region;
        return clone;
    }

    /// <summary>A copy with explicit credentials.</summary>
    public virtual DynamoDbOptionsExtension WithCredentials(string accessKey, string secretKey)
    {
        var clone = Clone();
        clone.AccessKey = accessKey;
        clone.SecretKey = secretKey;
        return clone;
    }

    /// <summary>A copy with the request timeout set.</summary>
    public virtual DynamoDbOptionsExtension WithRequestTimeout(TimeSpan? timeout)
    {
        var clone = Clone();
        clone.RequestTimeout = timeout;
        return clone;
    }

    /// <summary>A copy with the table name prefix set.</summary>
    public virtual DynamoDbOptionsExtension WithTableNamePrefix(string? prefix)
    {
        var clone = Clone();
        clone.TableNamePrefix = prefix;
        return clone;
    }

    /// <summary>A copy with the scan behavior set.</summary>
    public virtual DynamoDbOptionsExtension WithScanBehavior(ScanBehavior scanBehavior)
    {
        var clone = Clone();
        clone.ScanBehavior = scanBehavior;
        return clone;
    }

    /// <summary>A copy with the conflict mode set.</summary>
    public virtual DynamoDbOptionsExtension WithConflictMode(ConflictMode conflictMode)
    {
        var clone = Clone();
        clone.ConflictMode = conflictMode;
        return clone;
    }

    /// <summary>A copy with the execution strategy factory set.</summary>
    public virtual DynamoDbOptionsExtension WithExecutionStrategyFactory(Func<ExecutionStrategyDependencies, IExecutionStrategy>? factory)
    {
        var clone = Clone();
        clone.ExecutionStrategyFactory = factory;
        return clone;
    }

    /// <summary>A copy that tracks, or does not track, every request's consumed capacity.</summary>
    public virtual DynamoDbOptionsExtension WithConsumedCapacityTracking(bool track)
    {
        var clone = Clone();
        clone.TrackConsumedCapacity = track;
        return clone;
    }

    /// <inheritdoc />
    public virtual void ApplyServices(IServiceCollection services) => services.AddEntityFrameworkDynamoDb();

    /// <inheritdoc />
    public virtual void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private string? _logFragment;
        private int? _serviceProviderHashCode;

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

                    if (Extension.TrackConsumedCapacity)
                    {
                        builder.Append("TrackConsumedCapacity ");
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
        // must separate service providers: two contexts with different endpoints never share a client. EF Core asks
        // both for every new context; the extension does not change, so the hash is computed once.
        public override int GetServiceProviderHashCode()
            => _serviceProviderHashCode ??= HashCode.Combine(
                Extension.ServiceUrl, Extension.Region, Extension.AccessKey, Extension.SecretKey, Extension.RequestTimeout);

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other)
            => other is ExtensionInfo otherInfo
                && (ReferenceEquals(Extension, otherInfo.Extension)
                    || (Extension.ServiceUrl == otherInfo.Extension.ServiceUrl
                        && Extension.Region == otherInfo.Extension.Region
                        && Extension.AccessKey == otherInfo.Extension.AccessKey
                        && Extension.SecretKey == otherInfo.Extension.SecretKey
                        && Extension.RequestTimeout == otherInfo.Extension.RequestTimeout));

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

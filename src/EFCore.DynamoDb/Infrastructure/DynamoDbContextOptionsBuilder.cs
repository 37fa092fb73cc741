using EFCore.DynamoDb.Infrastructure.Internal;
using EFCore.DynamoDb.Metadata.Internal;

namespace Microsoft.EntityFrameworkCore.Infrastructure;

/// <summary>
///     DynamoDB-specific options, given to <c>UseDynamoDb(o => …)</c>.
/// </summary>
public class DynamoDbContextOptionsBuilder
{
    /// <summary>Creates the builder <c>UseDynamoDb</c> passes to its configuration action.</summary>
    /// <param name="optionsBuilder">The options builder of the context being configured.</param>
    public DynamoDbContextOptionsBuilder(DbContextOptionsBuilder optionsBuilder)
        => OptionsBuilder = optionsBuilder;

    /// <summary>The options builder this builder writes to.</summary>
    protected virtual DbContextOptionsBuilder OptionsBuilder { get; }

    /// <summary>
    ///     The endpoint to talk to, such as <c>http://localhost:8000</c> for DynamoDB Local.
    ///     Without it, the AWS SDK resolves the endpoint from the region.
    /// </summary>
    public virtual DynamoDbContextOptionsBuilder ServiceUrl(string serviceUrl)
    {
        if (!DynamoConnectionRules.IsValidServiceUrl(serviceUrl))
        {
            throw new ArgumentException(DynamoStrings.InvalidServiceUrl(serviceUrl), nameof(serviceUrl));
        }

        return WithOption(e => e.WithServiceUrl(serviceUrl));
    }

    /// <summary>The AWS region system name, such as <c>eu-west-1</c>.</summary>
    public virtual DynamoDbContextOptionsBuilder Region(string region)
    {
        if (!DynamoConnectionRules.IsValidRegion(region))
        {
            throw new ArgumentException(DynamoStrings.InvalidRegion(region), nameof(region));
        }

        return WithOption(e => e.WithRegion(region));
    }

    /// <summary>
    ///     Explicit credentials. Without them, the AWS SDK's default credential chain applies
    ///     (environment variables, shared profile, instance role…).
    /// </summary>
    public virtual DynamoDbContextOptionsBuilder Credentials(string accessKey, string secretKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessKey);
        ArgumentException.ThrowIfNullOrEmpty(secretKey);
        return WithOption(e => e.WithCredentials(accessKey, secretKey));
    }

    /// <summary>
    ///     How long one attempt of a request may take, connecting included, before it fails with a
    ///     <see cref="TimeoutException" /> naming the endpoint (10 seconds unless set). A timed-out request is retried by
    ///     the execution strategy like any answer lost on the way. Applies to the client the provider builds, not to a
    ///     client the application registered.
    /// </summary>
    public virtual DynamoDbContextOptionsBuilder RequestTimeout(TimeSpan timeout)
    {
        if (!DynamoConnectionRules.IsValidRequestTimeout(timeout))
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, DynamoStrings.InvalidRequestTimeout(timeout));
        }

        return WithOption(e => e.WithRequestTimeout(timeout));
    }

    /// <summary>
    ///     A prefix put before every table name (Flywheel's "namespace"), so several environments or
    ///     tenants can share one account.
    /// </summary>
    public virtual DynamoDbContextOptionsBuilder TableNamePrefix(string prefix)
    {
        if (!DynamoTableNameRules.IsValidPrefix(prefix))
        {
            throw new ArgumentException(DynamoStrings.InvalidTableNamePrefix(prefix), nameof(prefix));
        }

        return WithOption(e => e.WithTableNamePrefix(prefix));
    }

    /// <summary>
    ///     What to do when a query has no partition-key equality and must scan the whole table: scan silently, log a
    ///     warning (the default), or refuse unless the query calls <c>AllowScan()</c>.
    /// </summary>
    public virtual DynamoDbContextOptionsBuilder ScanBehavior(ScanBehavior scanBehavior)
    {
        if (!Enum.IsDefined(scanBehavior))
        {
            throw new ArgumentOutOfRangeException(nameof(scanBehavior), scanBehavior, null);
        }

        return WithOption(e => e.WithScanBehavior(scanBehavior));
    }

    /// <summary>
    ///     Makes every request ask DynamoDB for the capacity it consumed, so that <c>db.Database.GetConsumedCapacity()</c>
    ///     sums all of them. Off by default: then a request asks only when a logger or diagnostic listener takes
    ///     <see cref="DynamoDbEventId.RequestExecuted" /> (whose message shows it), which saves DynamoDB the work and the
    ///     client the reading; <see cref="DynamoConsumedCapacity.IsComplete" /> says whether the sums cover every request.
    /// </summary>
    /// <param name="track"><see langword="false" /> to ask only for the logged requests again.</param>
    public virtual DynamoDbContextOptionsBuilder TrackConsumedCapacity(bool track = true)
        => WithOption(e => e.WithConsumedCapacityTracking(track));

    /// <summary>
    ///     How <c>SaveChanges</c> guards against concurrent writers (Flywheel's <c>default_conflict</c>):
    ///     <see cref="Microsoft.EntityFrameworkCore.ConflictMode.Update" /> (the default),
    ///     <see cref="Microsoft.EntityFrameworkCore.ConflictMode.Overwrite" /> or
    ///     <see cref="Microsoft.EntityFrameworkCore.ConflictMode.Raise" />.
    /// </summary>
    public virtual DynamoDbContextOptionsBuilder ConflictMode(ConflictMode conflictMode)
    {
        if (!Enum.IsDefined(conflictMode))
        {
            throw new ArgumentOutOfRangeException(nameof(conflictMode), conflictMode, null);
        }

        return WithOption(e => e.WithConflictMode(conflictMode));
    }

    /// <summary>
    ///     Retries operations that fail for a transient reason (throttling, 5xx, transaction conflicts) up to
    ///     <paramref name="maxRetryCount" /> times, waiting at most <paramref name="maxRetryDelay" /> between tries.
    ///     A retrying strategy with EF Core's defaults is used when nothing is configured.
    /// </summary>
    public virtual DynamoDbContextOptionsBuilder EnableRetryOnFailure(int maxRetryCount, TimeSpan maxRetryDelay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetryCount);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetryDelay.Ticks, nameof(maxRetryDelay));
        return ExecutionStrategy(d => new DynamoExecutionStrategy(d, maxRetryCount, maxRetryDelay));
    }

    /// <summary>The execution strategy to use, such as <see cref="NonRetryingExecutionStrategy" /> or a custom one.</summary>
    public virtual DynamoDbContextOptionsBuilder ExecutionStrategy(Func<ExecutionStrategyDependencies, IExecutionStrategy> getExecutionStrategy)
    {
        ArgumentNullException.ThrowIfNull(getExecutionStrategy);
        return WithOption(e => e.WithExecutionStrategyFactory(getExecutionStrategy));
    }

    /// <summary>Applies a change to the provider's options extension.</summary>
    protected virtual DynamoDbContextOptionsBuilder WithOption(Func<DynamoDbOptionsExtension, DynamoDbOptionsExtension> setAction)
    {
        ((IDbContextOptionsBuilderInfrastructure)OptionsBuilder).AddOrUpdateExtension(
            setAction(OptionsBuilder.Options.FindExtension<DynamoDbOptionsExtension>() ?? new DynamoDbOptionsExtension()));

        return this;
    }
}

using EFCore.DynamoDb.Metadata.Internal;
using Microsoft.Extensions.Configuration;

namespace EFCore.DynamoDb.Infrastructure.Internal;

/// <summary>
///     Applies the options found in a configuration section (such as <c>appsettings.json</c>'s <c>"DynamoDb"</c>) to a
///     <see cref="DynamoDbContextOptionsBuilder" />. A value that is present but not valid is an error naming its key.
/// </summary>
public static class DynamoDbConfigurationReader
{
    // EF Core's defaults for a retrying strategy, used for whichever of the two settings is left out.
    private const int DefaultMaxRetryCount = 6;

    private static readonly TimeSpan DefaultMaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>
    ///     Applies every option <paramref name="configuration" /> sets to <paramref name="builder" />, leaving the
    ///     others as they are.
    /// </summary>
    public static void Apply(IConfiguration configuration, DynamoDbContextOptionsBuilder builder)
    {
        if (Read(configuration, "ServiceUrl", DynamoConnectionRules.IsValidServiceUrl, DynamoStrings.InvalidServiceUrl) is { } serviceUrl)
        {
            builder.ServiceUrl(serviceUrl);
        }

        if (Read(configuration, "Region", DynamoConnectionRules.IsValidRegion, DynamoStrings.InvalidRegion) is { } region)
        {
            builder.Region(region);
        }

        ApplyCredentials(configuration, builder);

        if (Read(configuration, "RequestTimeout", IsValidRequestTimeout, DynamoStrings.InvalidRequestTimeout) is { } timeout)
        {
            builder.RequestTimeout(TimeSpan.Parse(timeout, CultureInfo.InvariantCulture));
        }

        if (Read(configuration, "TableNamePrefix", DynamoTableNameRules.IsValidPrefix, DynamoStrings.InvalidTableNamePrefix) is { } prefix)
        {
            builder.TableNamePrefix(prefix);
        }

        if (ReadEnum<ScanBehavior>(configuration, "ScanBehavior") is { } scanBehavior)
        {
            builder.ScanBehavior(scanBehavior);
        }

        if (ReadEnum<ConflictMode>(configuration, "ConflictMode") is { } conflictMode)
        {
            builder.ConflictMode(conflictMode);
        }

        ApplyRetries(configuration, builder);
    }

    private static void ApplyCredentials(IConfiguration configuration, DynamoDbContextOptionsBuilder builder)
    {
        var accessKey = configuration["AccessKey"];
        var secretKey = configuration["SecretKey"];
        if (string.IsNullOrEmpty(accessKey) != string.IsNullOrEmpty(secretKey))
        {
            throw new InvalidOperationException(
                DynamoStrings.IncompleteConfiguredCredentials(PathOf(configuration, "AccessKey"), PathOf(configuration, "SecretKey")));
        }

        if (!string.IsNullOrEmpty(accessKey))
        {
            builder.Credentials(accessKey, secretKey!);
        }
    }

    private static void ApplyRetries(IConfiguration configuration, DynamoDbContextOptionsBuilder builder)
    {
        var count = Read(
            configuration,
            "MaxRetryCount",
            v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out _),
            DynamoStrings.InvalidRetryCount);
        var delay = Read(
            configuration,
            "MaxRetryDelay",
            v => TimeSpan.TryParse(v, CultureInfo.InvariantCulture, out var d) && d >= TimeSpan.Zero,
            DynamoStrings.InvalidRetryDelay);
        if (count != null || delay != null)
        {
            builder.EnableRetryOnFailure(
                count == null ? DefaultMaxRetryCount : int.Parse(count, CultureInfo.InvariantCulture),
                delay == null ? DefaultMaxRetryDelay : TimeSpan.Parse(delay, CultureInfo.InvariantCulture));
        }
    }

    private static bool IsValidRequestTimeout(string value)
        => TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var timeout) && DynamoConnectionRules.IsValidRequestTimeout(timeout);

    private static string? Read(IConfiguration configuration, string key, Func<string, bool> isValid, Func<string, string> describeError)
    {
        var value = configuration[key];
        return value == null || isValid(value)
            ? value
            : throw new InvalidOperationException(DynamoStrings.InvalidConfigurationValue(PathOf(configuration, key), describeError(value)));
    }

    private static TEnum? ReadEnum<TEnum>(IConfiguration configuration, string key)
        where TEnum : struct, Enum
    {
        var value = Read(
            configuration,
            key,
            v => Enum.GetNames<TEnum>().Contains(v, StringComparer.OrdinalIgnoreCase),
            v => DynamoStrings.InvalidEnumValue(v, string.Join(", ", Enum.GetNames<TEnum>())));
        return value == null ? null : Enum.Parse<TEnum>(value, ignoreCase: true);
    }

    private static string PathOf(IConfiguration configuration, string key)
        => configuration is IConfigurationSection section ? ConfigurationPath.Combine(section.Path, key) : key;
}

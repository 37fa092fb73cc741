using System.Text.RegularExpressions;

namespace EFCore.DynamoDb.Infrastructure.Internal;

/// <summary>What a service URL, a region name and a request timeout must look like.</summary>
public static partial class DynamoConnectionRules
{
    /// <summary>Whether <paramref name="serviceUrl" /> is an absolute <c>http</c> or <c>https</c> address.</summary>
    public static bool IsValidServiceUrl(string? serviceUrl)
        => Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>AWS region system names: <c>eu-west-1</c>, <c>us-gov-east-1</c>, <c>cn-north-1</c>…</summary>
    public static bool IsValidRegion(string? region) => region != null && RegionName().IsMatch(region);

    /// <summary>A request timeout is positive, and the HTTP client counts it in whole milliseconds of an <see cref="int" />.</summary>
    public static bool IsValidRequestTimeout(TimeSpan timeout) => timeout > TimeSpan.Zero && timeout.TotalMilliseconds <= int.MaxValue;

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionName();
}

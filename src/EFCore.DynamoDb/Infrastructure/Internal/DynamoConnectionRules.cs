using System.Text.RegularExpressions;

namespace EFCore.DynamoDb.Infrastructure.Internal;

/// <summary>What a service URL and a region name must look like.</summary>
public static partial class DynamoConnectionRules
{
    public static bool IsValidServiceUrl(string? serviceUrl)
        => Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>AWS region system names: <c>eu-west-1</c>, <c>us-gov-east-1</c>, <c>cn-north-1</c>…</summary>
    public static bool IsValidRegion(string? region) => region != null && RegionName().IsMatch(region);

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionName();
}

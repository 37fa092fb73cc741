using Microsoft.Extensions.Configuration;

namespace EFCore.DynamoDb.Sample;

/// <summary>
///     The sample's settings: appsettings.json's "DynamoDb" section, overridden by environment variables such as
///     DynamoDb__ServiceUrl; DYNAMODB_SERVICE_URL, which build.sh sets, is read as DynamoDb:ServiceUrl too.
/// </summary>
public static class SampleSettings
{
    public static IConfigurationSection Load()
        => new ConfigurationBuilder()
            // Next to the sample's assembly, not AppContext.BaseDirectory: under dotnet ef that is the tool's directory.
            .SetBasePath(Path.GetDirectoryName(typeof(SampleSettings).Assembly.Location)!)
            .AddJsonFile("appsettings.json", optional: false)
            .AddInMemoryCollection(
                Environment.GetEnvironmentVariable("DYNAMODB_SERVICE_URL") is { } url ? [new("DynamoDb:ServiceUrl", url)] : [])
            .AddEnvironmentVariables()
            .Build()
            .GetSection("DynamoDb");
}

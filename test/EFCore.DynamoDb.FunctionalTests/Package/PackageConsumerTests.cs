using System.Security.Cryptography;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using static EFCore.DynamoDb.FunctionalTests.TestUtilities.RepositoryCommands;

namespace EFCore.DynamoDb.FunctionalTests.Package;

/// <summary>
///     The app in <c>test/EFCore.DynamoDb.PackageTests</c> uses the provider as users do: the package by version from a
///     folder feed (its nuget.config), restored into a package cache of its own, then built, run against DynamoDB and
///     inspected with dotnet ef. A missing dependency, file or design-time service fails here.
/// </summary>
public class PackageConsumerTests
{
    private static readonly string App = PathOf("test/EFCore.DynamoDb.PackageTests");

    [Fact]
    public void An_app_referencing_the_package_creates_saves_finds_queries_and_runs_dotnet_ef()
    {
        PackedProvider.Open().Dispose();
        var cached = Path.Combine(App, "obj", "packages", "efcore.dynamodb", PackedProvider.Version);
        if (Directory.Exists(cached))
        {
            Directory.Delete(cached, recursive: true);
        }

        Run(App, "dotnet", "restore", "--force").EnsureSucceeded();
        Assert.True(Directory.Exists(cached), "The package was not restored into the app's own cache: " + cached);
        Run(App, "dotnet", "build", "--no-restore", "--configuration", Configuration, "--nologo").EnsureSucceeded();
        var output = Path.Combine(App, "bin", Configuration, "net10.0");
        Assert.Equal(PackedProvider.BuiltAssemblyHash, SHA256.HashData(File.ReadAllBytes(Path.Combine(output, "EFCore.DynamoDb.dll"))));

        var prefix = "package-" + Guid.NewGuid().ToString("N")[..6] + "-";
        var run = Run(output, "dotnet", Path.Combine(output, "EFCore.DynamoDb.PackageTests.dll"), DynamoDbTestServer.ServiceUrl, prefix)
            .EnsureSucceeded();
        Assert.Equal(
            ["created: True", "saved: 2", "found: world", "queried: hello", "requests: GetItem, Query"],
            run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        Run(Root, "dotnet", "tool", "restore").EnsureSucceeded();
        var info = Run(App, "dotnet", "ef", "dbcontext", "info", "--no-build", "--configuration", Configuration).EnsureSucceeded();
        Assert.Contains("Provider name: EFCore.DynamoDb", info.Output, StringComparison.Ordinal);
        var migrations = Run(App, "dotnet", "ef", "migrations", "list", "--no-build", "--configuration", Configuration);
        Assert.NotEqual(0, migrations.ExitCode);
        Assert.Contains("DynamoDB has no migrations", migrations.Output, StringComparison.Ordinal);
    }
}

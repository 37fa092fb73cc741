using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.Package;

/// <summary>The provider's package in <c>artifacts/</c>, which <c>./build.sh test</c> packs from the build these tests run against.</summary>
public static class PackedProvider
{
    private static readonly Assembly ProviderAssembly = typeof(DynamoDbContextOptionsBuilder).Assembly;

    /// <summary>The package version: the provider assembly's, without the commit SourceLink appends.</summary>
    public static string Version { get; }
        = ProviderAssembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

    public static string PackagePath => RepositoryCommands.PathOf($"artifacts/EFCore.DynamoDb.{Version}.nupkg");

    public static string SymbolPackagePath => Path.ChangeExtension(PackagePath, ".snupkg");

    /// <summary>The provider assembly these tests were built with (the package must hold exactly this one).</summary>
    public static byte[] BuiltAssemblyHash => SHA256.HashData(File.ReadAllBytes(ProviderAssembly.Location));

    /// <summary>Opens the package, refusing one that is missing or was packed from another build.</summary>
    public static ZipArchive Open()
    {
        if (!File.Exists(PackagePath))
        {
            throw new InvalidOperationException($"{PackagePath} does not exist: run './build.sh pack' ('./build.sh test' packs before testing).");
        }

        var package = ZipFile.OpenRead(PackagePath);
        using var packed = package.GetEntry("lib/net10.0/EFCore.DynamoDb.dll")?.Open() ?? Stream.Null;
        if (!SHA256.HashData(packed).AsSpan().SequenceEqual(BuiltAssemblyHash))
        {
            package.Dispose();
            throw new InvalidOperationException($"{PackagePath} was packed from another build: run './build.sh pack'.");
        }

        return package;
    }
}

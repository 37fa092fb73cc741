using System.IO.Compression;
using System.Xml.Linq;

namespace EFCore.DynamoDb.FunctionalTests.Package;

/// <summary>What nuget.org and a user's IDE read from the package: its nuspec, its files and its symbols package.</summary>
public class PackageContentsTests
{
    [Fact]
    public void The_nuspec_has_the_license_readme_repository_tags_and_exactly_the_dependencies_the_provider_needs()
    {
        using var package = PackedProvider.Open();
        var nuspec = XDocument.Load(package.GetEntry("EFCore.DynamoDb.nuspec")!.Open()).Root!;
        var ns = nuspec.Name.Namespace;
        var metadata = nuspec.Element(ns + "metadata")!;

        Assert.Equal("EFCore.DynamoDb", metadata.Element(ns + "id")!.Value);
        Assert.Equal(PackedProvider.Version, metadata.Element(ns + "version")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "authors")?.Value));
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value));
        var license = metadata.Element(ns + "license")!;
        Assert.Equal(("expression", "MIT"), (license.Attribute("type")!.Value, license.Value));
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        Assert.Equal(["efcore", "entity-framework-core", "dynamodb", "aws"], metadata.Element(ns + "tags")!.Value.Split(' '));
        var repository = metadata.Element(ns + "repository")!;
        Assert.Equal("git", repository.Attribute("type")!.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")!.Value);

        var group = Assert.Single(metadata.Element(ns + "dependencies")!.Elements(ns + "group"));
        Assert.Equal("net10.0", group.Attribute("targetFramework")!.Value);
        Assert.Equal(
            [("AWSSDK.DynamoDBv2", "4."), ("Microsoft.EntityFrameworkCore", "10."), ("Microsoft.Extensions.Configuration.Abstractions", "10.")],
            group.Elements(ns + "dependency")
                .Select(d => (d.Attribute("id")!.Value, d.Attribute("version")!.Value[..d.Attribute("version")!.Value.IndexOf('.', StringComparison.Ordinal)] + "."))
                .OrderBy(d => d.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public void The_package_holds_the_assembly_its_documentation_the_readme_and_the_license_and_the_symbols_package_the_pdb()
    {
        using var package = PackedProvider.Open();

        Assert.Equal(
            ["LICENSE", "README.md", "lib/net10.0/EFCore.DynamoDb.dll", "lib/net10.0/EFCore.DynamoDb.xml"],
            package.Entries.Select(e => e.FullName)
                .Where(name => !name.StartsWith('_') && !name.StartsWith('[') && !name.StartsWith("package/", StringComparison.Ordinal)
                    && !name.EndsWith(".nuspec", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal));
        var documentation = XDocument.Load(package.GetEntry("lib/net10.0/EFCore.DynamoDb.xml")!.Open());
        Assert.Contains(
            documentation.Descendants("member"),
            m => m.Attribute("name")!.Value.StartsWith("M:Microsoft.EntityFrameworkCore.DynamoDbContextOptionsExtensions.UseDynamoDb", StringComparison.Ordinal));

        using var symbols = ZipFile.OpenRead(PackedProvider.SymbolPackagePath);
        Assert.Contains(symbols.Entries, e => e.FullName == "lib/net10.0/EFCore.DynamoDb.pdb");
    }
}

using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using static EFCore.DynamoDb.FunctionalTests.TestUtilities.RepositoryCommands;

namespace EFCore.DynamoDb.FunctionalTests.Design;

/// <summary>
///     An app of the repository, the test app in <c>Design/DesignApp</c> or the quick-start sample, driven the way a developer does: <c>dotnet tool restore</c> and
///     <c>dotnet ef</c> from the repository's tool manifest, <c>dotnet build</c>, and running the built app.
/// </summary>
public sealed class DesignAppProject
{
    private DesignAppProject(string projectDirectory)
        => ProjectDirectory = PathOf(projectDirectory);

    public string ProjectDirectory { get; }

    /// <summary>The app's own build, with the model built at run time.</summary>
    public string RuntimeModelAssembly => Path.Combine(ProjectDirectory, "bin", Configuration, "net10.0", "DesignApp.dll");

    public static DesignAppProject Locate()
        => new("test/EFCore.DynamoDb.FunctionalTests/Design/DesignApp");

    public static DesignAppProject LocateSample()
        => new("test/EFCore.DynamoDb.Sample");

    /// <summary>Restores the tool manifest and the app's packages: dotnet ef reads the app's metadata before building it.</summary>
    public void RestoreTools()
    {
        Run(Root, "dotnet", "tool", "restore").EnsureSucceeded();
        Run(ProjectDirectory, "dotnet", "restore").EnsureSucceeded();
    }

    /// <summary>Runs <c>dotnet ef</c> on the app; <paramref name="build" /> false reuses the last build.</summary>
    public CommandResult Ef(bool build, params string[] arguments)
    {
        string[] common = ["ef", .. arguments, "--project", ProjectDirectory, "--configuration", Configuration];
        return Run(ProjectDirectory, "dotnet", build ? common : [.. common, "--no-build"]);
    }

    /// <summary>Builds the app with the generated files of <paramref name="compiledModelDirectory" /> into <paramref name="outputDirectory" />.</summary>
    public string BuildWithCompiledModel(string compiledModelDirectory, string outputDirectory)
    {
        Run(ProjectDirectory, "dotnet", "build", "--configuration", Configuration, "--output", outputDirectory, "--nologo",
            $"-p:CompiledModelDirectory={compiledModelDirectory}").EnsureSucceeded();
        return Path.Combine(outputDirectory, "DesignApp.dll");
    }

    public static CommandResult RunApp(string assembly, string serviceUrl, string tablePrefix)
        => Run(Path.GetDirectoryName(assembly)!, "dotnet", assembly, serviceUrl, tablePrefix).EnsureSucceeded();
}

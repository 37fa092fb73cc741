using System.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Design;

/// <summary>
///     An app of the repository, the test app in <c>Design/DesignApp</c> or the quick-start sample, driven the way a developer does: <c>dotnet tool restore</c> and
///     <c>dotnet ef</c> from the repository's tool manifest, <c>dotnet build</c>, and running the built app.
/// </summary>
public sealed class DesignAppProject
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);

    private DesignAppProject(string repositoryRoot, string projectDirectory)
    {
        RepositoryRoot = repositoryRoot;
        ProjectDirectory = Path.Combine([repositoryRoot, .. projectDirectory.Split('/')]);
    }

    public string RepositoryRoot { get; }

    public string ProjectDirectory { get; }

    /// <summary>The app's own build, with the model built at run time.</summary>
    public string RuntimeModelAssembly => Path.Combine(ProjectDirectory, "bin", Configuration, "net10.0", "DesignApp.dll");

    public static DesignAppProject Locate()
        => new(RepositoryRootDirectory(), "test/EFCore.DynamoDb.FunctionalTests/Design/DesignApp");

    public static DesignAppProject LocateSample()
        => new(RepositoryRootDirectory(), "test/EFCore.DynamoDb.Sample");

    private static string RepositoryRootDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EFCore.DynamoDb.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (EFCore.DynamoDb.sln) was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Restores the tool manifest and the app's packages: dotnet ef reads the app's metadata before building it.</summary>
    public void RestoreTools()
    {
        Run(RepositoryRoot, "dotnet", "tool", "restore").EnsureSucceeded();
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

    private static CommandResult Run(string workingDirectory, string fileName, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start " + fileName);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{fileName} {string.Join(' ', arguments)}' did not finish within {CommandTimeout}.");
        }

        return new CommandResult($"{fileName} {string.Join(' ', arguments)}", process.ExitCode, output.Result + error.Result);
    }
}

using System.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.TestUtilities;

/// <summary>Commands run the way a developer runs them in the repository (dotnet build, dotnet ef, the built apps), with their output.</summary>
public static class RepositoryCommands
{
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);

    /// <summary>The folder of EFCore.DynamoDb.sln, found above the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The full path of a folder of the repository given as <c>test/…</c>.</summary>
    public static string PathOf(string relativePath)
        => Path.Combine([Root, .. relativePath.Split('/')]);

    public static CommandResult Run(string workingDirectory, string fileName, params string[] arguments)
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

    private static string FindRoot()
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
}

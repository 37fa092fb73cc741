namespace EFCore.DynamoDb.FunctionalTests.TestUtilities;

/// <summary>What a command printed (standard output, then standard error) and how it exited.</summary>
public sealed record CommandResult(string Command, int ExitCode, string Output)
{
    public CommandResult EnsureSucceeded()
        => ExitCode == 0 ? this : throw new InvalidOperationException($"'{Command}' exited with {ExitCode}:\n{Output}");
}

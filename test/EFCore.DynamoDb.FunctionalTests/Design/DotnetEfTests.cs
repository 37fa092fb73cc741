using EFCore.DynamoDb.FunctionalTests.TestUtilities;

namespace EFCore.DynamoDb.FunctionalTests.Design;

/// <summary>
///     dotnet ef, from the repository's tool manifest, against a small app and the sample: dbcontext info and optimize work, the
///     generated compiled model compiles and behaves like the runtime model, and migrations are refused clearly.
/// </summary>
public class DotnetEfTests
{
    [Fact]
    public void Optimize_generates_a_compiled_model_that_queries_and_saves_like_the_runtime_model()
    {
        var app = DesignAppProject.Locate();
        app.RestoreTools();

        var info = app.Ef(build: true, "dbcontext", "info").EnsureSucceeded();
        Assert.Contains("Provider name: EFCore.DynamoDb", info.Output, StringComparison.Ordinal);

        var work = Directory.CreateTempSubdirectory("dynamo-compiled-model-");
        try
        {
            var generated = Path.Combine(work.FullName, "CompiledModel");
            app.Ef(build: false, "dbcontext", "optimize", "--output-dir", generated, "--namespace", "DesignApp.CompiledModel").EnsureSucceeded();
            Assert.Contains(
                "AddAnnotation(\"DynamoDb:IndexIncludedProperties\"",
                File.ReadAllText(Path.Combine(generated, "OrderEntityType.cs")),
                StringComparison.Ordinal);
            var compiledApp = app.BuildWithCompiledModel(generated, Path.Combine(work.FullName, "bin"));

            var runtime = DesignAppProject.RunApp(app.RuntimeModelAssembly, DynamoDbTestServer.ServiceUrl, TablePrefix()).Output.Split('\n');
            var compiled = DesignAppProject.RunApp(compiledApp, DynamoDbTestServer.ServiceUrl, TablePrefix()).Output.Split('\n');

            Assert.Equal("model: RuntimeModel", runtime[0].Trim());
            Assert.Equal("model: ShopContextModel", compiled[0].Trim());
            Assert.Contains(runtime, line => line.StartsWith("saved: shipped", StringComparison.Ordinal));
            Assert.Equal(runtime[1..], compiled[1..]);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public void Dbcontext_info_works_against_the_sample_through_its_design_time_factory()
    {
        var sample = DesignAppProject.LocateSample();
        sample.RestoreTools();

        var info = sample.Ef(build: true, "dbcontext", "info").EnsureSucceeded();

        Assert.Contains("Type: EFCore.DynamoDb.Sample.GameContext", info.Output, StringComparison.Ordinal);
        Assert.Contains("Provider name: EFCore.DynamoDb", info.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrations_add_points_to_EnsureCreated_and_UpdateDynamoSchema()
    {
        var app = DesignAppProject.Locate();
        app.RestoreTools();

        var result = app.Ef(build: true, "migrations", "add", "Initial");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("EnsureCreated()", result.Output, StringComparison.Ordinal);
        Assert.Contains("UpdateDynamoSchema()", result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(app.ProjectDirectory, "Migrations")));
    }

    private static string TablePrefix()
        => "design-" + Guid.NewGuid().ToString("N")[..6] + "-";
}

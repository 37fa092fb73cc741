using EFCore.DynamoDb.FunctionalTests.TestModels;

namespace EFCore.DynamoDb.FunctionalTests.TestUtilities;

/// <summary>A table of <see cref="FilterRow" />s a, b and c, created once per test class.</summary>
public class FilterFixture : IAsyncLifetime
{
    public DynamoDbTestStore Store { get; } = new("filters");

    public FilterContext CreateContext() => new(Store.CreateOptions<FilterContext>());

    public async Task InitializeAsync()
    {
        await using var context = CreateContext();
        await context.Database.EnsureCreatedAsync();
        context.Rows.AddRange(FilterRow.CreateSeed());
        await context.SaveChangesAsync();
        Store.Recorder.Clear();
    }

    public async Task DisposeAsync()
    {
        await using var context = CreateContext();
        await context.Database.EnsureDeletedAsync();
    }
}

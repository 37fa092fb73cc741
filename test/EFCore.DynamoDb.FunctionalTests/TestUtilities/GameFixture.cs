using EFCore.DynamoDb.FunctionalTests.TestModels;

namespace EFCore.DynamoDb.FunctionalTests.TestUtilities;

/// <summary>A GameScore table, created once per test class, with Flywheel's README scores in it.</summary>
public class GameFixture : IAsyncLifetime
{
    public DynamoDbTestStore Store { get; } = new("games");

    public GameContext CreateContext(bool sensitiveDataLogging = false)
        => new(Store.CreateOptions<GameContext>(sensitiveDataLogging: sensitiveDataLogging));

    public virtual async Task InitializeAsync()
    {
        await using var context = CreateContext();
        await context.Database.EnsureCreatedAsync();
        context.GameScores.AddRange(GameScore.CreateSeed());
        await context.SaveChangesAsync();
        Store.Recorder.Clear();
    }

    public async Task DisposeAsync()
    {
        await using var context = CreateContext();
        await context.Database.EnsureDeletedAsync();
    }
}

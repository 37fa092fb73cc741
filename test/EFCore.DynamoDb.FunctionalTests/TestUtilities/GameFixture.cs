using EFCore.DynamoDb.FunctionalTests.TestModels;

namespace EFCore.DynamoDb.FunctionalTests.TestUtilities;

/// <summary>A GameScore table, created once per test class, with Flywheel's README scores in it.</summary>
public class GameFixture() : DynamoDbFixture<GameContext>("games", options => new GameContext(options))
{
    protected override Task SeedAsync(GameContext context)
    {
        context.GameScores.AddRange(GameScore.CreateSeed());
        return context.SaveChangesAsync();
    }
}

using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.TestModels;

public class GameContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<GameScore> GameScores => Set<GameScore>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<GameScore>(score =>
        {
            score.HasPartitionKey(s => s.UserId);
            score.HasSortKey(s => s.Title);
            score.Property(s => s.Comment).HasAttributeName("note");
        });
}

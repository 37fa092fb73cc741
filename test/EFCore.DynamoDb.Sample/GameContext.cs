using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Sample;

public class GameContext(DbContextOptions<GameContext> options) : DbContext(options)
{
    public DbSet<GameScore> GameScores => Set<GameScore>();

    public DbSet<SocialMediaItem> SocialMediaItems => Set<SocialMediaItem>();

    public DbSet<Account> Accounts => Set<Account>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<GameScore>(score =>
        {
            score.HasPartitionKey(s => s.UserId);
            score.HasSortKey(s => s.Title);

            // Flywheel README's global index: the top scores of a game, across users.
            score.HasGlobalSecondaryIndex("GameTitleIndex", s => s.Title, s => s.TopScore);
        });

        modelBuilder.Entity<SocialMediaItem>(item =>
        {
            item.HasPartitionKey(i => i.UserId);
            item.HasSortKey(i => i.Uid);
            item.HasComposite(i => i.Uid, i => i.Type, i => i.Id);
        });
    }
}

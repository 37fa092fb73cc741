using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.TestModels;

/// <summary>
///     A context whose Tweet model each test configures, keyed by user id and tweet id. Models are not cached, so
///     several configurations of one table can be compared, as successive versions of an application would.
/// </summary>
public class TweetContext(DbContextOptions options, Action<Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Tweet>> configure)
    : DbContext(options)
{
    public DbSet<Tweet> Tweets => Set<Tweet>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
        => optionsBuilder.ReplaceService<IModelCacheKeyFactory, UncachedModelKeyFactory>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Tweet>(tweet =>
        {
            tweet.HasPartitionKey(t => t.UserId);
            tweet.HasSortKey(t => t.Id);
            configure(tweet);
        });

    private sealed class UncachedModelKeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => new();
    }
}

using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Tests.Query;

/// <summary>
///     A query is planned once, when it is compiled; each execution renders its own read command from that plan. The
///     commands are caught at the client wrapper, without a database.
/// </summary>
public class ReadPlanTests
{
    [Fact]
    public void A_query_executed_with_other_parameters_renders_other_values_from_one_plan()
    {
        using var context = new ScoreContext();
        Assert.IsType<CountingPlanner>(context.GetService<IDynamoAccessPathPlanner>());
        var client = (RecordingClientWrapper)context.GetService<IDynamoClientWrapper>();
        var plansBefore = CountingPlanner.PlansOnThisThread;

        foreach (var user in new[] { "first-user", "second-user" })
        {
            _ = context.Scores.Where(s => s.UserId == user && s.Wins > 3).Take(2).ToList();
        }

        Assert.Equal(1, CountingPlanner.PlansOnThisThread - plansBefore);
        var (first, second) = (client.Commands[0], client.Commands[1]);
        Assert.Equal(DynamoReadOperation.Query, first.Operation);
        Assert.Equal(first.KeyCondition, second.KeyCondition);
        Assert.Equal(first.Filter, second.Filter);
        Assert.Equal(first.Names, second.Names);
        Assert.Contains(first.Values!.Values, v => v.S == "first-user");
        Assert.Contains(second.Values!.Values, v => v.S == "second-user");
        Assert.DoesNotContain(second.Values!.Values, v => v.S == "first-user");
    }

    [Fact]
    public void Max_of_the_sort_key_is_planned_once_and_reads_one_item_from_the_end()
    {
        using var context = new ScoreContext();
        Assert.IsType<CountingPlanner>(context.GetService<IDynamoAccessPathPlanner>());
        var client = (RecordingClientWrapper)context.GetService<IDynamoClientWrapper>();
        var plansBefore = CountingPlanner.PlansOnThisThread;

        _ = context.Scores.Where(s => s.UserId == "max-user").Select(s => s.Title).Max();

        Assert.Equal(1, CountingPlanner.PlansOnThisThread - plansBefore);
        var command = Assert.Single(client.Commands);
        Assert.Equal(DynamoReadOperation.Query, command.Operation);
        Assert.False(command.ScanForward);
        Assert.Equal(1, command.Limit);
    }

    [Fact]
    public void A_page_resumes_with_the_next_command_until_DynamoDB_has_no_more()
    {
        using var context = new ScoreContext();
        var client = (RecordingClientWrapper)context.GetService<IDynamoClientWrapper>();
        client.PagesWithMore = 2;

        _ = context.Scores.Where(s => s.UserId == "paged-user").ToList();

        Assert.Equal(3, client.Commands.Count);
        Assert.Null(client.Commands[0].StartKey);
        Assert.Equal("k1", client.Commands[1].StartKey!["Title"].S);
        Assert.Equal("k2", client.Commands[2].StartKey!["Title"].S);
    }

    public class GameScore
    {
        public string UserId { get; set; } = "";

        public string Title { get; set; } = "";

        public int Wins { get; set; }
    }

    private sealed class ScoreContext : DbContext
    {
        public DbSet<GameScore> Scores => Set<GameScore>();

        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
            => optionsBuilder.UseDynamoDb(o => o.ServiceUrl("http://127.0.0.1:1"))
                .ReplaceService<IDynamoAccessPathPlanner, CountingPlanner>()
                .ReplaceService<IDynamoClientWrapper, RecordingClientWrapper>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<GameScore>().HasKey(s => new { s.UserId, s.Title });
    }
}

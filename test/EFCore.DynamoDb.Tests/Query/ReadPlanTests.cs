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

    [Fact]
    public void The_projection_and_key_condition_are_rendered_once_and_the_filter_follows_their_placeholders()
    {
        using var context = new ScoreContext();
        var client = (RecordingClientWrapper)context.GetService<IDynamoClientWrapper>();

        foreach (var (user, wins) in new[] { ("first-user", 3), ("second-user", 5) })
        {
            _ = context.Scores.Where(s => s.UserId == user && s.Wins > wins).Select(s => s.Wins).ToList();
        }

        var (first, second) = (client.Commands[0], client.Commands[1]);
        Assert.Equal("#n0", first.Projection);
        Assert.Equal("#n1 = :v0", first.KeyCondition);
        Assert.Equal("#n0 > :v1", first.Filter);
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Wins", ["#n1"] = "UserId" }, first.Names);
        Assert.Same(first.Projection, second.Projection);
        Assert.Same(first.KeyCondition, second.KeyCondition);
        Assert.Equal(first.Filter, second.Filter);
        Assert.Equal(first.Names, second.Names);
        // The filter added no name, but its request may have: each has its own copy.
        Assert.NotSame(first.Names, second.Names);
        Assert.Equal(("first-user", "3"), (first.Values![":v0"].S, first.Values[":v1"].N));
        Assert.Equal(("second-user", "5"), (second.Values![":v0"].S, second.Values[":v1"].N));
    }

    [Fact]
    public void A_query_without_a_filter_shares_the_names_of_its_template_and_binds_its_own_values()
    {
        using var context = new ScoreContext();
        var client = (RecordingClientWrapper)context.GetService<IDynamoClientWrapper>();

        foreach (var user in new[] { "first-user", "second-user" })
        {
            _ = context.Scores.Where(s => s.UserId == user && s.Title.StartsWith("ti")).Select(s => s.Wins).ToList();
        }

        var (first, second) = (client.Commands[0], client.Commands[1]);
        Assert.Equal("#n1 = :v0 AND begins_with(#n2, :v1)", first.KeyCondition);
        Assert.Null(first.Filter);
        Assert.Same(first.Names, second.Names);
        Assert.Equal(new Dictionary<string, string> { ["#n0"] = "Wins", ["#n1"] = "UserId", ["#n2"] = "Title" }, first.Names);
        Assert.NotSame(first.Values, second.Values);
        Assert.Equal("first-user", first.Values![":v0"].S);
        Assert.Equal("second-user", second.Values![":v0"].S);
        Assert.All(new[] { first, second }, c => Assert.DoesNotContain("user", c.KeyCondition + c.Projection, StringComparison.Ordinal));
    }

    [Fact]
    public void A_read_by_the_full_key_has_its_key_and_no_placeholders()
    {
        using var context = new ScoreContext();
        var client = (RecordingClientWrapper)context.GetService<IDynamoClientWrapper>();

        foreach (var user in new[] { "first-user", "second-user" })
        {
            _ = context.Scores.FirstOrDefault(s => s.UserId == user && s.Title == "t");
        }

        // Read as rendered: a GetItem takes no limit, so none is set on a copy.
        Assert.All(
            client.Commands,
            c => Assert.Equal((DynamoReadOperation.GetItem, null, null, null, null), (c.Operation, c.Projection, c.Names, c.Values, c.Limit)));
        Assert.Equal(["first-user", "second-user"], client.Commands.Select(c => c.Key!["UserId"].S));
        Assert.All(client.Commands, c => Assert.Equal("t", c.Key!["Title"].S));
    }

    [Fact]
    public void A_read_of_a_few_full_keys_is_one_BatchGetItem_with_its_keys_and_no_limit()
    {
        using var context = new ScoreContext();
        var client = (RecordingClientWrapper)context.GetService<IDynamoClientWrapper>();
        var users = new[] { "first-user", "second-user" };

        var found = context.Scores.Where(s => users.Contains(s.UserId) && s.Title == "t").Take(5).ToList();

        Assert.Empty(found);
        var command = Assert.Single(client.Commands);
        Assert.Equal((DynamoReadOperation.BatchGetItem, null), (command.Operation, command.Limit));
        Assert.Equal(users, command.Keys!.Select(k => k["UserId"].S));
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

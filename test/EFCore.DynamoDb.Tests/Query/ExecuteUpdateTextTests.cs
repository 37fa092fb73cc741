using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Tests.Query;

/// <summary>
///     An <c>ExecuteUpdate</c> records its text once per null pattern of its values and binds each execution's values by
///     that recording; a text that a parameter shaped is rendered again. The writes are caught at the client wrapper.
/// </summary>
public class ExecuteUpdateTextTests
{
    [Fact]
    public void Each_null_pattern_s_text_is_recorded_once_and_every_execution_binds_its_own_values_to_it()
    {
        using var context = new ScoreContext();
        var client = (RecordingClientWrapper)context.GetService<IDynamoClientWrapper>();

        foreach (var (comment, wins) in new[] { ((string?)null, 1), ("first", 2), (null, 3), ("second", 4) })
        {
            context.Scores.Where(s => s.UserId == "u" && s.Title == "t" && s.Wins < 50)
                .ExecuteUpdate(s => s.SetProperty(x => x.Comment, comment).SetProperty(x => x.Wins, x => x.Wins + wins));
        }

        var writes = client.Writes;
        Assert.Equal("SET #n1 = #n1 + :v1 REMOVE #n2", writes[0].UpdateExpression);
        Assert.Equal("SET #n2 = :v1, #n1 = #n1 + :v2", writes[1].UpdateExpression);
        Assert.All(writes, w => Assert.Equal("attribute_exists(#n0) AND #n1 < :v0", w.ConditionExpression));
        for (var i = 0; i < 2; i++)
        {
            Assert.Same(writes[i].UpdateExpression, writes[i + 2].UpdateExpression);
            Assert.Same(writes[i].ConditionExpression, writes[i + 2].ConditionExpression);
            Assert.Same(writes[i].Names, writes[i + 2].Names);
        }

        Assert.Equal(["50", "50", "50", "50"], writes.Select(w => w.Values![":v0"].N));
        Assert.Equal([(null, "1"), ("first", "2"), (null, "3"), ("second", "4")], writes.Select(w => w.Values!.Count == 2
            ? ((string?)null, w.Values[":v1"].N)
            : (w.Values[":v1"].S, w.Values[":v2"].N)));
    }

    [Fact]
    public void A_condition_that_compares_with_a_parameter_is_rendered_for_each_execution()
    {
        using var context = new ScoreContext();
        var client = (RecordingClientWrapper)context.GetService<IDynamoClientWrapper>();

        foreach (var limit in new[] { 50, 60 })
        {
            context.Scores.Where(s => s.UserId == "u" && s.Title == "t" && s.Wins < limit).ExecuteUpdate(s => s.SetProperty(x => x.Wins, 0));
        }

        var (first, second) = (client.Writes[0], client.Writes[1]);
        Assert.Equal(first.ConditionExpression, second.ConditionExpression);
        Assert.NotSame(first.ConditionExpression, second.ConditionExpression);
        Assert.Equal(("50", "60"), (first.Values![":v0"].N, second.Values![":v0"].N));
    }

    // Once a parameter has shaped the text, every execution renders it in full: a null compared with is an existence test.
    [Fact]
    public void A_condition_on_a_parameter_that_becomes_null_is_an_existence_test_in_that_execution()
    {
        using var context = new ScoreContext();
        var client = (RecordingClientWrapper)context.GetService<IDynamoClientWrapper>();

        foreach (var comment in new[] { "first", null, "third" })
        {
            context.Scores.Where(s => s.UserId == "u" && s.Title == "t" && s.Comment == comment).ExecuteUpdate(s => s.SetProperty(x => x.Wins, 1));
        }

        Assert.Equal(3, client.Writes.Count);
        Assert.Equal(client.Writes[0].ConditionExpression, client.Writes[2].ConditionExpression);
        Assert.Contains("attribute_not_exists", client.Writes[1].ConditionExpression, StringComparison.Ordinal);
        Assert.DoesNotContain("attribute_not_exists", client.Writes[0].ConditionExpression, StringComparison.Ordinal);
        Assert.Contains(client.Writes[0].Values!.Values, v => v.S == "first");
        Assert.Contains(client.Writes[2].Values!.Values, v => v.S == "third");
        Assert.DoesNotContain(client.Writes[1].Values!.Values, v => v.S is "first" or "third");
    }

    public class GameScore
    {
        public string UserId { get; set; } = "";

        public string Title { get; set; } = "";

        public int Wins { get; set; }

        public string? Comment { get; set; }
    }

    private sealed class ScoreContext : DbContext
    {
        public DbSet<GameScore> Scores => Set<GameScore>();

        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
            => optionsBuilder.UseDynamoDb(o => o.ServiceUrl("http://127.0.0.1:1"))
                .ReplaceService<IDynamoClientWrapper, RecordingClientWrapper>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<GameScore>().HasKey(s => new { s.UserId, s.Title });
    }
}

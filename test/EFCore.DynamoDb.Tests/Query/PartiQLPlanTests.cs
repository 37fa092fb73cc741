using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Tests.Query;

/// <summary>
///     A FromPartiQL query is compiled and planned once for its statement: other values are other parameters of the same
///     statement text. The commands are caught at the client wrapper, without a database.
/// </summary>
public class PartiQLPlanTests
{
    [Fact]
    public void Other_values_reuse_the_compiled_query_and_change_only_the_parameters()
    {
        using var context = new NoteContext();
        Assert.IsType<CountingPlanner>(context.GetService<IDynamoAccessPathPlanner>());
        var client = (RecordingClientWrapper)context.GetService<IDynamoClientWrapper>();
        var plansBefore = CountingPlanner.PlansOnThisThread;

        foreach (var (owner, minimum) in new[] { ("first", 1), ("second", 2) })
        {
            _ = context.Notes.FromPartiQL($"SELECT * FROM {context.Notes} WHERE Owner = {owner}").Where(n => n.Stars >= minimum).ToList();
        }

        Assert.Equal(1, CountingPlanner.PlansOnThisThread - plansBefore);
        var (first, second) = (client.Commands[0], client.Commands[1]);
        Assert.Equal(DynamoReadOperation.ExecuteStatement, first.Operation);
        Assert.Equal("SELECT * FROM \"Notes\" WHERE (Owner = ?) AND (\"Stars\" >= ?)", first.Statement);
        Assert.Equal(first.Statement, second.Statement);
        Assert.Equal(["first", "1"], first.Parameters!.Select(p => p.S ?? p.N));
        Assert.Equal(["second", "2"], second.Parameters!.Select(p => p.S ?? p.N));
    }

    [Fact]
    public void A_null_and_a_local_list_are_written_as_PartiQL()
    {
        using var context = new NoteContext();
        var client = (RecordingClientWrapper)context.GetService<IDynamoClientWrapper>();
        string? text = null;
        var owners = new[] { "a", "b" };

        _ = context.Notes.FromPartiQL($"SELECT * FROM {context.Notes}").Where(n => n.Text == text && owners.Contains(n.Owner) && !(n.Stars < 3)).ToList();

        Assert.Equal(
            "SELECT * FROM \"Notes\" WHERE ((\"Text\" IS MISSING AND \"Owner\" IN [?, ?]) AND NOT (\"Stars\" < ?))",
            Assert.Single(client.Commands).Statement);
    }

    // PartiQL's own words for what DynamoDB's expressions write with attribute_exists, in the grammar both share.
    [Fact]
    public void A_list_holding_null_and_a_negated_OR_are_written_with_MISSING()
    {
        using var context = new NoteContext();
        var client = (RecordingClientWrapper)context.GetService<IDynamoClientWrapper>();
        var owners = new[] { "a", null };

        _ = context.Notes.FromPartiQL($"SELECT * FROM {context.Notes}").Where(n => owners.Contains(n.Owner) && !(n.Stars < 3 || n.Text != null)).ToList();

        var command = Assert.Single(client.Commands);
        Assert.Equal(
            "SELECT * FROM \"Notes\" WHERE ((\"Owner\" IN [?] OR \"Owner\" IS MISSING) AND NOT (\"Stars\" < ? OR \"Text\" IS NOT MISSING))",
            command.Statement);
        Assert.Equal(["a", "3"], command.Parameters!.Select(p => p.S ?? p.N));
    }

    public class Note
    {
        public string Owner { get; set; } = "";

        public string Id { get; set; } = "";

        public string? Text { get; set; }

        public int Stars { get; set; }
    }

    private sealed class NoteContext : DbContext
    {
        public DbSet<Note> Notes => Set<Note>();

        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
            => optionsBuilder.UseDynamoDb(o => o.ServiceUrl("http://127.0.0.1:1"))
                .ReplaceService<IDynamoAccessPathPlanner, CountingPlanner>()
                .ReplaceService<IDynamoClientWrapper, RecordingClientWrapper>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<Note>().HasKey(n => new { n.Owner, n.Id });
    }
}

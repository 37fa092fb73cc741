using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
///     Flywheel's index selection (test_queries.py: smart_local_index, smart_global_index, double_index,
///     select_index, no_index, composite queries), as our own tests.
/// </summary>
public class IndexSelectionTests : IClassFixture<IndexSelectionTests.Fixture>
{
    private readonly Fixture _fixture;

    public IndexSelectionTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private RequestRecorder Recorder => _fixture.Store.Recorder;

    [Fact]
    public async Task Smart_local_index_a_constrained_local_index_sort_key_wins()
    {
        await using var db = _fixture.CreateContext();

        var widgets = await db.Widgets.Where(w => w.UserId == "u1" && w.Name == "beta").ToListAsync();

        Assert.Equal("w2", Assert.Single(widgets).Id);
        var request = Assert.Single(Recorder.Requests);
        Assert.Equal(("Query", "name-index"), (request.Operation, request.IndexName));
        Assert.DoesNotContain("Filter", request.Expressions, StringComparison.Ordinal);
        var chosen = Assert.Single(Recorder.Log, l => l.Id == Microsoft.EntityFrameworkCore.Diagnostics.DynamoDbEventId.IndexChosen);
        Assert.Contains("'name-index'", chosen.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_table_key_logs_no_index_choice()
    {
        await using var db = _fixture.CreateContext();

        await db.Widgets.Where(w => w.UserId == "u1").ToListAsync();

        Assert.DoesNotContain(Recorder.Log, l => l.Id == Microsoft.EntityFrameworkCore.Diagnostics.DynamoDbEventId.IndexChosen);
    }

    [Fact]
    public async Task The_table_key_wins_when_no_sort_key_is_constrained()
    {
        await using var db = _fixture.CreateContext();

        Assert.Equal(3, (await db.Widgets.Where(w => w.UserId == "u1").ToListAsync()).Count);
        Assert.Null(Assert.Single(Recorder.Requests).IndexName);
    }

    [Fact]
    public async Task An_index_that_does_not_hold_every_attribute_is_not_chosen_for_entities_but_is_for_counts()
    {
        await using var db = _fixture.CreateContext();

        var widgets = await db.Widgets.Where(w => w.UserId == "u1" && w.Score > 15).ToListAsync();
        var count = await db.Widgets.CountAsync(w => w.UserId == "u1" && w.Score > 15);

        Assert.Equal(2, widgets.Count);
        Assert.Equal(2, count);
        Assert.Null(Recorder.Requests[0].IndexName);
        Assert.Contains("Filter", Recorder.Requests[0].Expressions, StringComparison.Ordinal);
        Assert.Equal("score-index", Recorder.Requests[1].IndexName);
    }

    [Fact]
    public async Task Smart_global_index_a_global_index_serves_its_partition_key()
    {
        await using var db = _fixture.CreateContext();

        var widgets = await db.Widgets.Where(w => w.Group == "g1" && w.Score >= 20).ToListAsync();

        Assert.Equal(["w2", "w4"], widgets.Select(w => w.Id).Order());
        var request = Assert.Single(Recorder.Requests);
        Assert.Equal(("Query", "group-index"), (request.Operation, request.IndexName));
        Assert.Contains("KeyCondition: #n0 = :v0 AND #n1 >= :v1", request.Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_descending_First_through_a_global_index_reads_one_item()
    {
        await using var db = _fixture.CreateContext();

        var best = await db.Widgets.Where(w => w.Group == "g1").OrderByDescending(w => w.Score).FirstAsync();

        Assert.Equal("w4", best.Id);
        var request = Assert.Single(Recorder.Requests);
        Assert.Equal("group-index", request.IndexName);
        Assert.Contains("ScanIndexForward: false", request.Expressions, StringComparison.Ordinal);
        Assert.Contains("Limit: 1", request.Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Double_index_two_equal_candidates_are_ambiguous_unless_the_order_tells_them_apart()
    {
        await using var db = _fixture.CreateContext();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Widgets.Where(w => w.Group == "g1").ToListAsync());
        var ordered = await db.Widgets.Where(w => w.Group == "g1").OrderBy(w => w.Name).ToListAsync();

        Assert.Contains("'group-index', 'group-name-index'", error.Message, StringComparison.Ordinal);
        Assert.Contains(".WithIndex(\"name\")", error.Message, StringComparison.Ordinal);
        Assert.Equal(["alpha", "beta", "delta"], ordered.Select(w => w.Name));
        Assert.Equal("group-name-index", Assert.Single(Recorder.Requests).IndexName);
    }

    [Fact]
    public async Task Select_index_WithIndex_forces_an_index()
    {
        await using var db = _fixture.CreateContext();

        var widgets = await db.Widgets.WithIndex("group-name-index").Where(w => w.Group == "g1").ToListAsync();

        Assert.Equal(3, widgets.Count);
        Assert.Equal("group-name-index", Assert.Single(Recorder.Requests).IndexName);
    }

    [Fact]
    public async Task No_index_an_unknown_index_name_lists_the_indexes()
    {
        await using var db = _fixture.CreateContext();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Widgets.WithIndex("nope").ToListAsync());

        Assert.Contains("no secondary index 'nope'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'color-index'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forced_keys_only_index_fetches_the_other_attributes_from_the_table()
    {
        await using var db = _fixture.CreateContext();

        var widgets = await db.Widgets.WithIndex("color-index").Where(w => w.Color == "red").ToListAsync();

        Assert.Equal(["w1", "w3"], widgets.Select(w => w.Id).Order());
        Assert.All(widgets, w => Assert.NotNull(w.Name));
        Assert.Equal(["Query", "BatchGetItem"], Recorder.Operations);
        Assert.Equal("color-index", Recorder.Requests[0].IndexName);
    }

    [Fact]
    public async Task A_parallel_scan_of_a_keys_only_index_fetches_the_other_attributes_from_the_table()
    {
        await using var db = _fixture.CreateContext();

        var widgets = await db.Widgets.WithIndex("color-index").WithParallelScan(2).ToListAsync();
        var expected = await db.Widgets.AsNoTracking().AllowScan().ToListAsync();

        Assert.Equal(expected.Select(w => (w.Id, w.Name)).Order(), widgets.Select(w => (w.Id, w.Name)).Order());
        Assert.All(widgets, w => Assert.NotNull(w.Name));
        Assert.Contains("BatchGetItem", Recorder.Operations);
    }

    [Fact]
    public async Task Without_a_covering_index_an_equality_on_an_index_key_scans()
    {
        await using var db = _fixture.CreateContext();

        Assert.Equal(2, (await db.Widgets.Where(w => w.Color == "red").ToListAsync()).Count);
        Assert.Equal(["Scan"], Recorder.Operations);
    }

    [Fact]
    public async Task A_consistent_read_never_picks_a_global_index_and_refuses_a_forced_one()
    {
        await using var db = _fixture.CreateContext();

        var widgets = await db.Widgets.WithConsistentRead().Where(w => w.Group == "g2").ToListAsync();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => db.Widgets.WithConsistentRead().WithIndex("group-index").Where(w => w.Group == "g2").ToListAsync());

        Assert.Equal("w3", Assert.Single(widgets).Id);
        Assert.Equal(["Scan"], Recorder.Operations);
        Assert.Contains("'group-index'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ordering_by_a_property_only_an_index_serves_names_the_index()
    {
        await using var db = _fixture.CreateContext();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => db.Widgets.Where(w => w.UserId == "u1" && w.Color == "red").OrderBy(w => w.Score).ToListAsync());

        Assert.Contains("'score-index'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Composite_query_piecewise_equalities_on_all_components_fix_the_composite_sort_key()
    {
        await using var db = _fixture.CreateContext();

        var widgets = await db.Widgets.Where(w => w.UserId == "u1" && w.Kind == "tool" && w.Code == "42").ToListAsync();

        Assert.Equal("w1", Assert.Single(widgets).Id);
        var request = Assert.Single(Recorder.Requests);
        Assert.Equal("kind-index", request.IndexName);
        Assert.Contains("KeyCondition: #n0 = :v0 AND #n1 = :v1", request.Expressions, StringComparison.Ordinal);
        Assert.Contains("=Tag", request.Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Composite_query_a_leading_component_is_a_begins_with_on_the_composite()
    {
        await using var db = _fixture.CreateContext();

        var widgets = await db.Widgets.Where(w => w.UserId == "u1" && w.Kind == "tool").ToListAsync();

        Assert.Equal(["w1", "w2"], widgets.Select(w => w.Id).Order());
        Assert.Contains("begins_with(#n1, :v1)", Assert.Single(Recorder.Requests).Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Composite_global_index_piecewise_partition_key()
    {
        await using var db = _fixture.CreateContext();

        var widgets = await db.Widgets.Where(w => w.Group == "g1" && w.Color == "blue").WithIndex("palette-index").ToListAsync();

        // Group alone also fixes the group indexes' partition key, so the composite index is one candidate among three.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => db.Widgets.Where(w => w.Group == "g2" && w.Color == "red").ToListAsync());

        Assert.Equal("w2", Assert.Single(widgets).Id);
        var request = Assert.Single(Recorder.Requests);
        Assert.Equal("palette-index", request.IndexName);
        Assert.Contains("KeyCondition: #n0 = :v0", request.Expressions, StringComparison.Ordinal);
        Assert.Contains("'palette-index'", error.Message, StringComparison.Ordinal);
    }

    public class Widget
    {
        public string UserId { get; set; } = null!;

        public string Id { get; set; } = null!;

        public string Name { get; set; } = null!;

        public int Score { get; set; }

        public string Group { get; set; } = null!;

        public string Color { get; set; } = null!;

        public string Kind { get; set; } = null!;

        public string Code { get; set; } = null!;

        public string Tag { get; private set; } = null!;

        public string Palette { get; private set; } = null!;
    }

    public class WidgetContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Widget> Widgets => Set<Widget>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<Widget>(w =>
            {
                w.HasPartitionKey(x => x.UserId);
                w.HasSortKey(x => x.Id);
                w.HasComposite(x => x.Tag, x => x.Kind, x => x.Code);
                w.HasComposite(x => x.Palette, x => x.Group, x => x.Color);
                w.HasLocalSecondaryIndex("name-index", x => x.Name);
                w.HasLocalSecondaryIndex("score-index", x => x.Score).ProjectsKeysOnly();
                w.HasLocalSecondaryIndex("kind-index", x => x.Tag);
                w.HasGlobalSecondaryIndex("group-index", x => x.Group, x => x.Score);
                w.HasGlobalSecondaryIndex("group-name-index", x => x.Group, x => x.Name);
                w.HasGlobalSecondaryIndex("color-index", x => x.Color).ProjectsKeysOnly();
                w.HasGlobalSecondaryIndex("palette-index", x => x.Palette);
            });
    }

    public class Fixture() : DynamoDbFixture<WidgetContext>("indexes", options => new WidgetContext(options))
    {
        protected override Task SeedAsync(WidgetContext context)
        {
            context.Widgets.AddRange(
            new Widget { UserId = "u1", Id = "w1", Name = "alpha", Score = 10, Group = "g1", Color = "red", Kind = "tool", Code = "42" },
            new Widget { UserId = "u1", Id = "w2", Name = "beta", Score = 20, Group = "g1", Color = "blue", Kind = "tool", Code = "7" },
            new Widget { UserId = "u1", Id = "w4", Name = "delta", Score = 40, Group = "g1", Color = "green", Kind = "toy", Code = "1" },
            new Widget { UserId = "u2", Id = "w3", Name = "gamma", Score = 30, Group = "g2", Color = "red", Kind = "tool", Code = "42" });
            return context.SaveChangesAsync();
        }
    }
}

using Amazon.DynamoDBv2;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
///     Global indexes keyed on several attributes natively (DynamoDB's multi-attribute keys): created with every key
///     attribute typed, chosen when equalities fix each partition attribute, their sort attributes taking equalities left
///     to right and one range on the last constrained, and the ordering they serve.
/// </summary>
public class MultiAttributeIndexTests : IClassFixture<MultiAttributeIndexTests.Fixture>
{
    private const string TenantRegionIndex = "tenant-region-index";
    private readonly Fixture _fixture;

    public MultiAttributeIndexTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private RequestRecorder Recorder => _fixture.Store.Recorder;

    [Fact]
    public async Task The_index_is_created_with_each_key_attribute_typed_and_nothing_joined()
    {
        await using var db = _fixture.CreateContext();

        var table = (await db.Database.GetDynamoClient().DescribeTableAsync(_fixture.Store.TablePrefix + "Tickets")).Table;

        var index = table.GlobalSecondaryIndexes.Single(i => i.IndexName == TenantRegionIndex);
        Assert.Equal(
            [("Tenant", "HASH"), ("Region", "HASH"), ("Status", "RANGE"), ("Day", "RANGE")],
            index.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)));
        var priority = table.GlobalSecondaryIndexes.Single(i => i.IndexName == "tenant-priority-index");
        Assert.Equal([("Tenant", "HASH"), ("Priority", "HASH")], priority.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)));
        Assert.Equal(
            [("Day", "N"), ("Id", "S"), ("Priority", "N"), ("Region", "S"), ("Status", "S"), ("Tenant", "S")],
            table.AttributeDefinitions.Select(d => (d.AttributeName, d.AttributeType.Value)).Order());
        var item = await _fixture.GetRawItemAsync("Tickets", new() { ["Id"] = new() { S = "b" } });
        Assert.Equal(["Day", "Id", "Priority", "Region", "Status", "Tenant", "Title"], item.Keys.Order());
    }

    [Fact]
    public async Task Equalities_on_every_partition_attribute_query_the_index()
    {
        await using var db = _fixture.CreateContext();

        var tickets = await db.Tickets.Where(t => t.Tenant == "t1" && t.Region == "eu").ToListAsync();

        Assert.Equal(["d", "e", "a", "b", "c"], tickets.Select(t => t.Id));
        var request = Assert.Single(Recorder.Requests);
        Assert.Equal(("Query", TenantRegionIndex), (request.Operation, request.IndexName));
        Assert.Equal("#n0 = :v0 AND #n1 = :v1", KeyCondition(request));
        Assert.Contains("Names: #n0=Tenant, #n1=Region", request.Expressions, StringComparison.Ordinal);
        Assert.DoesNotContain("Filter", request.Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_partition_attribute_is_matched_typed()
    {
        await using var db = _fixture.CreateContext();

        var tickets = await db.Tickets.Where(t => t.Priority == 2 && t.Tenant == "t1").ToListAsync();

        Assert.Equal(["b", "d"], tickets.Select(t => t.Id).Order());
        var request = Assert.Single(Recorder.Requests);
        Assert.Equal(("Query", "tenant-priority-index"), (request.Operation, request.IndexName));
        Assert.Equal("#n0 = :v0 AND #n1 = :v1", KeyCondition(request));
        Assert.Contains("Names: #n0=Tenant, #n1=Priority", request.Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_every_partition_attribute_the_index_is_not_used()
    {
        await using var db = _fixture.CreateContext();

        var tickets = await db.Tickets.Where(t => t.Tenant == "t2").ToListAsync();

        Assert.Equal("g", Assert.Single(tickets).Id);
        var request = Assert.Single(Recorder.Requests);
        Assert.Equal(("Scan", null), (request.Operation, request.IndexName));
    }

    [Fact]
    public async Task Sort_attribute_equalities_join_the_key_condition_left_to_right()
    {
        await using var db = _fixture.CreateContext();

        var open = await db.Tickets.Where(t => t.Tenant == "t1" && t.Region == "eu" && t.Status == "open").ToListAsync();
        var one = await db.Tickets.Where(t => t.Day == 2 && t.Status == "open" && t.Region == "eu" && t.Tenant == "t1").ToListAsync();

        Assert.Equal(["a", "b", "c"], open.Select(t => t.Id));
        Assert.Equal("b", Assert.Single(one).Id);
        Assert.Equal(2, Recorder.Requests.Count);
        Assert.All(Recorder.Requests, r => Assert.Equal(("Query", TenantRegionIndex), (r.Operation, r.IndexName)));
        Assert.Equal("#n0 = :v0 AND #n1 = :v1 AND #n2 = :v2", KeyCondition(Recorder.Requests[0]));
        Assert.Equal("#n0 = :v0 AND #n1 = :v1 AND #n2 = :v2 AND #n3 = :v3", KeyCondition(Recorder.Requests[1]));
        Assert.Contains("Names: #n0=Tenant, #n1=Region, #n2=Status, #n3=Day", Recorder.Requests[1].Expressions, StringComparison.Ordinal);
        Assert.All(Recorder.Requests, r => Assert.DoesNotContain("Filter", r.Expressions, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<", "#n3 < :v3", new[] { "a" })]
    [InlineData("<=", "#n3 <= :v3", new[] { "a", "b" })]
    [InlineData(">", "#n3 > :v3", new[] { "c" })]
    [InlineData(">=", "#n3 >= :v3", new[] { "b", "c" })]
    public async Task One_range_on_the_last_constrained_sort_attribute_joins_the_key_condition(string op, string range, string[] expected)
    {
        await using var db = _fixture.CreateContext();
        var open = db.Tickets.Where(t => t.Tenant == "t1" && t.Region == "eu" && t.Status == "open");

        var tickets = await (op switch
        {
            "<" => open.Where(t => t.Day < 2),
            "<=" => open.Where(t => t.Day <= 2),
            ">" => open.Where(t => t.Day > 2),
            _ => open.Where(t => t.Day >= 2)
        }).ToListAsync();

        Assert.Equal(expected, tickets.Select(t => t.Id));
        var request = Assert.Single(Recorder.Requests);
        Assert.Equal(("Query", TenantRegionIndex), (request.Operation, request.IndexName));
        Assert.Equal("#n0 = :v0 AND #n1 = :v1 AND #n2 = :v2 AND " + range, KeyCondition(request));
        Assert.DoesNotContain("Filter", request.Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Between_and_StartsWith_are_ranges_on_the_last_constrained_sort_attribute()
    {
        await using var db = _fixture.CreateContext();
        var prefix = "o";

        var between = await db.Tickets.Where(t => t.Tenant == "t1" && t.Region == "eu" && t.Status == "open" && t.Day >= 2 && t.Day <= 3)
            .ToListAsync();
        var startsWith = await db.Tickets.Where(t => t.Tenant == "t1" && t.Region == "eu" && t.Status.StartsWith(prefix)).ToListAsync();

        Assert.Equal(["b", "c"], between.Select(t => t.Id));
        Assert.Equal(["e", "a", "b", "c"], startsWith.Select(t => t.Id));
        Assert.Equal(2, Recorder.Requests.Count);
        Assert.All(Recorder.Requests, r => Assert.Equal(("Query", TenantRegionIndex), (r.Operation, r.IndexName)));
        Assert.Equal("#n0 = :v0 AND #n1 = :v1 AND #n2 = :v2 AND #n3 BETWEEN :v3 AND :v4", KeyCondition(Recorder.Requests[0]));
        Assert.Equal("#n0 = :v0 AND #n1 = :v1 AND begins_with(#n2, :v2)", KeyCondition(Recorder.Requests[1]));
        Assert.All(Recorder.Requests, r => Assert.DoesNotContain("Filter", r.Expressions, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Conditions_on_sort_attributes_the_key_condition_cannot_hold_are_applied_to_the_returned_items()
    {
        await using var db = _fixture.CreateContext();

        var prefix = "o";

        // After a range on Status, or without a condition on it, DynamoDB takes no condition on Day; nor any key attribute in a filter.
        var afterRange = await db.Tickets.Where(t => t.Tenant == "t1" && t.Region == "eu" && t.Status.StartsWith(prefix) && t.Day == 2).ToListAsync();
        var skipped = await db.Tickets.Where(t => t.Tenant == "t1" && t.Region == "eu" && t.Day == 1).ToListAsync();

        Assert.Equal(["e", "b"], afterRange.Select(t => t.Id));
        Assert.Equal(["d", "a"], skipped.Select(t => t.Id));
        Assert.Equal(2, Recorder.Requests.Count);
        Assert.All(Recorder.Requests, r => Assert.Equal(("Query", TenantRegionIndex), (r.Operation, r.IndexName)));
        Assert.Equal("#n0 = :v0 AND #n1 = :v1 AND begins_with(#n2, :v2)", KeyCondition(Recorder.Requests[0]));
        Assert.Equal("#n0 = :v0 AND #n1 = :v1", KeyCondition(Recorder.Requests[1]));
        Assert.All(Recorder.Requests, r => Assert.DoesNotContain("Filter", r.Expressions, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Conditions_on_other_attributes_become_the_filter()
    {
        await using var db = _fixture.CreateContext();

        var tickets = await db.Tickets.Where(t => t.Tenant == "t1" && t.Region == "eu" && t.Status == "open" && t.Title.Contains("printer"))
            .ToListAsync();

        Assert.Equal(["a", "c"], tickets.Select(t => t.Id));
        var request = Assert.Single(Recorder.Requests);
        Assert.Equal(("Query", TenantRegionIndex), (request.Operation, request.IndexName));
        Assert.Equal("#n0 = :v0 AND #n1 = :v1 AND #n2 = :v2", KeyCondition(request));
        Assert.Contains("Filter: contains(#n3, :v3)", request.Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ordering_by_the_sort_attributes_in_key_order_is_served_in_either_direction()
    {
        await using var db = _fixture.CreateContext();
        var europe = db.Tickets.Where(t => t.Tenant == "t1" && t.Region == "eu");

        var ascending = await europe.OrderBy(t => t.Status).ThenBy(t => t.Day).ToListAsync();
        var descending = await europe.OrderByDescending(t => t.Status).ThenByDescending(t => t.Day).ToListAsync();
        var afterEquality = await europe.Where(t => t.Status == "open").OrderByDescending(t => t.Day).ToListAsync();

        Assert.Equal(["d", "e", "a", "b", "c"], ascending.Select(t => t.Id));
        Assert.Equal(["c", "b", "a", "e", "d"], descending.Select(t => t.Id));
        Assert.Equal(["c", "b", "a"], afterEquality.Select(t => t.Id));
        Assert.Equal(3, Recorder.Requests.Count);
        Assert.All(Recorder.Requests, r => Assert.Equal(("Query", TenantRegionIndex), (r.Operation, r.IndexName)));
        Assert.DoesNotContain("ScanIndexForward", Recorder.Requests[0].Expressions, StringComparison.Ordinal);
        Assert.Contains("ScanIndexForward: false", Recorder.Requests[1].Expressions, StringComparison.Ordinal);
        Assert.Contains("ScanIndexForward: false", Recorder.Requests[2].Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Orderings_the_sort_attributes_cannot_give_are_refused_before_any_request()
    {
        await using var db = _fixture.CreateContext();
        var europe = db.Tickets.Where(t => t.Tenant == "t1" && t.Region == "eu");

        var secondFirst = await Assert.ThrowsAsync<InvalidOperationException>(() => europe.OrderBy(t => t.Day).ToListAsync());
        var mixed = await Assert.ThrowsAsync<InvalidOperationException>(
            () => europe.OrderBy(t => t.Status).ThenByDescending(t => t.Day).ToListAsync());

        Assert.StartsWith("The query orders 'Ticket' by 'Day'", secondFirst.Message, StringComparison.Ordinal);
        Assert.Contains($"Indexes sorted by it: '{TenantRegionIndex}'.", secondFirst.Message, StringComparison.Ordinal);
        Assert.StartsWith("The query orders 'Ticket' by 'Day'", mixed.Message, StringComparison.Ordinal);
        Assert.Empty(Recorder.Requests);
    }

    [Fact]
    public async Task The_index_competes_with_the_others_by_the_same_rules()
    {
        await using var db = _fixture.CreateContext();

        // Both indexes are fixed: only a constrained sort key, or WithIndex, tells them apart.
        var ambiguous = await Assert.ThrowsAsync<InvalidOperationException>(
            () => db.Tickets.Where(t => t.Tenant == "t1" && t.Region == "eu" && t.Priority == 1).ToListAsync());
        var constrained = await db.Tickets.Where(t => t.Tenant == "t1" && t.Region == "eu" && t.Priority == 1 && t.Status == "open").ToListAsync();
        var forced = await db.Tickets.WithIndex("tenant-priority-index").Where(t => t.Tenant == "t1" && t.Region == "eu" && t.Priority == 1)
            .ToListAsync();

        Assert.Contains($"'{TenantRegionIndex}'", ambiguous.Message, StringComparison.Ordinal);
        Assert.Contains("'tenant-priority-index'", ambiguous.Message, StringComparison.Ordinal);
        Assert.Contains(".WithIndex(\"name\")", ambiguous.Message, StringComparison.Ordinal);
        Assert.Equal(["a", "c"], constrained.Select(t => t.Id));
        Assert.Equal(["a", "c", "e"], forced.Select(t => t.Id).Order());
        Assert.Equal([TenantRegionIndex, "tenant-priority-index"], Recorder.Requests.Select(r => r.IndexName));
        Assert.Equal("#n0 = :v0 AND #n1 = :v1 AND #n2 = :v2", KeyCondition(Recorder.Requests[0]));
        Assert.Contains("Filter: #n3 = :v3", Recorder.Requests[0].Expressions, StringComparison.Ordinal);
        Assert.Equal("#n0 = :v0 AND #n1 = :v1", KeyCondition(Recorder.Requests[1]));
        Assert.Contains("Filter: #n2 = :v2", Recorder.Requests[1].Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Max_of_the_sort_attribute_after_the_equalities_reads_one_item()
    {
        await using var db = _fixture.CreateContext();

        var latest = await db.Tickets.Where(t => t.Tenant == "t1" && t.Region == "eu" && t.Status == "open").MaxAsync(t => t.Day);

        Assert.Equal(3, latest);
        var request = Assert.Single(Recorder.Requests);
        Assert.Equal(("Query", TenantRegionIndex), (request.Operation, request.IndexName));
        Assert.Contains("Limit: 1", request.Expressions, StringComparison.Ordinal);
        Assert.Contains("ScanIndexForward: false", request.Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_continue_after_the_last_item_of_the_index()
    {
        await using var db = _fixture.CreateContext();
        var europe = db.Tickets.Where(t => t.Tenant == "t1" && t.Region == "eu");

        var ids = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await europe.ToPageAsync(2, token);
            ids.AddRange(page.Items.Select(t => t.Id));
            token = page.ContinuationToken;
            pages++;
        }
        while (token != null);

        Assert.Equal(["d", "e", "a", "b", "c"], ids);
        Assert.InRange(pages, 3, 4);
        Assert.All(Recorder.Requests, r => Assert.Equal(("Query", TenantRegionIndex), (r.Operation, r.IndexName)));
    }

    [Fact]
    public async Task Count_is_counted_by_DynamoDB_through_the_index()
    {
        await using var db = _fixture.CreateContext();

        var count = await db.Tickets.CountAsync(t => t.Tenant == "t1" && t.Region == "eu" && t.Status == "open");

        Assert.Equal(3, count);
        var request = Assert.Single(Recorder.Requests);
        Assert.Equal(("Query", TenantRegionIndex), (request.Operation, request.IndexName));
        Assert.Contains("Select: COUNT", request.Expressions, StringComparison.Ordinal);
        Assert.DoesNotContain(Recorder.Log, l => l.Id == DynamoDbEventId.ScanWarning);
    }

    private static string KeyCondition(DynamoRequestEventData request)
    {
        const string label = "KeyCondition: ";
        var start = request.Expressions.IndexOf(label, StringComparison.Ordinal);
        Assert.True(start >= 0, request.Expressions);
        start += label.Length;
        var end = request.Expressions.IndexOf("; ", start, StringComparison.Ordinal);
        return end < 0 ? request.Expressions[start..] : request.Expressions[start..end];
    }

    public class Ticket
    {
        public string Id { get; set; } = "";

        public string Tenant { get; set; } = "";

        public string Region { get; set; } = "";

        public string Status { get; set; } = "";

        public int Day { get; set; }

        public int Priority { get; set; }

        public string Title { get; set; } = "";
    }

    public class TicketContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Ticket> Tickets => Set<Ticket>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<Ticket>(t =>
            {
                t.HasPartitionKey(x => x.Id);
                t.HasGlobalSecondaryIndex(TenantRegionIndex, x => new { x.Tenant, x.Region }, x => new { x.Status, x.Day });
                t.HasGlobalSecondaryIndex("tenant-priority-index", x => new { x.Tenant, x.Priority });
            });
    }

    public class Fixture() : DynamoDbFixture<TicketContext>("multikey", options => new TicketContext(options))
    {
        protected override Task SeedAsync(TicketContext context)
        {
            context.Tickets.AddRange(
                new Ticket { Id = "a", Tenant = "t1", Region = "eu", Status = "open", Day = 1, Priority = 1, Title = "printer jam" },
                new Ticket { Id = "b", Tenant = "t1", Region = "eu", Status = "open", Day = 2, Priority = 2, Title = "screen" },
                new Ticket { Id = "c", Tenant = "t1", Region = "eu", Status = "open", Day = 3, Priority = 1, Title = "printer ink" },
                new Ticket { Id = "d", Tenant = "t1", Region = "eu", Status = "closed", Day = 1, Priority = 2, Title = "printer" },
                new Ticket { Id = "e", Tenant = "t1", Region = "eu", Status = "onhold", Day = 2, Priority = 1, Title = "mouse" },
                new Ticket { Id = "f", Tenant = "t1", Region = "us", Status = "open", Day = 1, Priority = 3, Title = "printer" },
                new Ticket { Id = "g", Tenant = "t2", Region = "eu", Status = "open", Day = 1, Priority = 1, Title = "printer" });
            return context.SaveChangesAsync();
        }
    }
}

using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using static EFCore.DynamoDb.FunctionalTests.Query.CollectionIncludeTests;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
///     Collection navigations inside a projection, on the single-table model of <see cref="CollectionIncludeTests" />:
///     read as the Include of that navigation would be (one Query of the partition, or one Query per principal with the
///     navigation's order and limit), then projected on the client.
/// </summary>
public class NavigationProjectionTests : IClassFixture<Fixture>
{
    private readonly Fixture _fixture;

    public NavigationProjectionTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private RequestRecorder Recorder => _fixture.Store.Recorder;

    private IReadOnlyList<DynamoRequestEventData> Executed => [.. Recorder.Requests.Where(r => r.EventId == DynamoDbEventId.RequestExecuted)];

    [Fact]
    public async Task The_most_recent_orders_are_read_with_the_order_and_limit_in_their_Query()
    {
        await using var db = _fixture.CreateContext();

        var customer = await db.Customers.Where(c => c.Id == "c1")
            .Select(c => new { c.Name, Recent = c.Orders.OrderByDescending(o => o.Sk).Take(2) })
            .SingleAsync();

        Assert.Equal("Ann", customer.Name);
        Assert.Equal(["o3", "o2"], customer.Recent.Select(o => o.Number));
        Assert.Equal(["Query", "Query"], Recorder.Operations);
        Assert.Contains("ScanIndexForward: false", Executed[1].Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_whole_navigation_of_one_partition_is_one_Query_and_its_entities_are_tracked()
    {
        await using var db = _fixture.CreateContext();

        var customer = await db.Customers.Where(c => c.Id == "c1").Select(c => new { c.Name, c.Orders }).SingleAsync();

        Assert.Equal(["o1", "o2", "o3"], customer.Orders.Select(o => o.Number).Order());
        Assert.Equal(3, db.ChangeTracker.Entries<Order>().Count());
        var query = Assert.Single(Executed);
        Assert.Contains("KeyCondition: #n0 = :v0; Filter: (#n1 = :v1 OR #n1 = :v2)", query.Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_tracking_nothing_is_tracked_sync()
    {
        using var db = _fixture.CreateContext();

        var customers = db.Customers.AsNoTracking().Where(c => c.Id == "c1")
            .Select(c => new { c.Id, Numbers = c.Orders.Where(o => o.Number != "o2").Select(o => o.Number).ToList() })
            .ToList();

        Assert.Equal(["o1", "o3"], Assert.Single(customers).Numbers.Order());
        Assert.Empty(db.ChangeTracker.Entries());
        Assert.Equal(["Query"], Recorder.Operations);
    }

    [Fact]
    public async Task Over_several_customers_the_orders_are_one_Query_per_customer()
    {
        await using var db = _fixture.CreateContext();

        var counts = await db.Customers.Where(c => c.Region == "north").AllowScan()
            .Select(c => new { c.Id, Orders = c.Orders.Count() })
            .ToListAsync();

        Assert.Equal([("c1", 3), ("c2", 0)], counts.Select(c => (c.Id, c.Orders)).Order());
        Assert.Equal(["Scan", "Query", "Query"], Recorder.Operations);
    }

    [Fact]
    public async Task Past_25_customers_the_Queries_are_logged_as_a_warning()
    {
        await using var db = _fixture.CreateContext();

        var counts = await db.Customers.Where(c => c.Region == "many").AllowScan().Select(c => new { c.Id, Orders = c.Orders.Count() }).ToListAsync();

        Assert.Equal(30, counts.Count);
        Assert.Equal(31, Recorder.Operations.Count);
        Assert.Single(Recorder.Log, l => l.Id == DynamoDbEventId.IncludeQueriesWarning);
    }

    [Fact]
    public async Task A_page_of_projected_customers_reads_the_orders_of_that_page_and_resumes()
    {
        await using var db = _fixture.CreateContext();
        var query = db.Customers.AsNoTracking().Where(c => c.Region == "many").AllowScan().Select(c => new { c.Id, Orders = c.Orders.Count() });

        var first = await query.ToPageAsync(4, null);
        var second = await query.ToPageAsync(4, first.ContinuationToken);

        Assert.Equal(4, first.Items.Count);
        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(4, second.Items.Count);
        Assert.Empty(first.Items.Select(c => c.Id).Intersect(second.Items.Select(c => c.Id)));
        Assert.Equal(2 * (1 + 4), Recorder.Operations.Count);
    }

    [Fact]
    public async Task A_condition_after_Take_applies_to_the_orders_taken()
    {
        await using var db = _fixture.CreateContext();

        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == "c1")
            .Select(c => new { Numbers = c.Orders.OrderBy(o => o.Sk).Take(2).Where(o => o.Number != "o1").Select(o => o.Number).ToList() })
            .SingleAsync();

        Assert.Equal(["o2"], customer.Numbers);
    }

    [Fact]
    public async Task Operators_the_Query_cannot_answer_run_on_the_orders_read()
    {
        await using var db = _fixture.CreateContext();

        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == "c1")
            .Select(c => new
            {
                Sorted = c.Orders.OrderBy(o => o.Sk).Select(o => o.Number).ToList(),
                NotNamed = c.Orders.Count(o => o.Number != c.Name),
                Any = c.Orders.Any(o => o.Number == "o2")
            })
            .SingleAsync();

        Assert.Equal(["o1", "o2", "o3"], customer.Sorted);
        Assert.Equal(3, customer.NotNamed);
        Assert.True(customer.Any);
        Assert.Equal(["Query"], Recorder.Operations);
    }

    [Fact]
    public async Task A_navigation_projected_twice_with_other_operators_is_read_once_whole()
    {
        await using var db = _fixture.CreateContext();

        var customer = await db.Customers.Where(c => c.Id == "c1")
            .Select(c => new { Latest = c.Orders.OrderByDescending(o => o.Sk).Take(1).ToList(), All = c.Orders.Count })
            .SingleAsync();

        Assert.Equal("o3", Assert.Single(customer.Latest).Number);
        Assert.Equal(3, customer.All);
        Assert.Equal(["Query"], Recorder.Operations);
    }

    [Fact]
    public async Task A_captured_variable_in_the_navigations_operators_is_read_per_execution()
    {
        await using var db = _fixture.CreateContext();

        foreach (var (take, expected) in new[] { (1, 1), (2, 2) })
        {
            var customer = await db.Customers.AsNoTracking().Where(c => c.Id == "c1")
                .Select(c => new { Recent = c.Orders.OrderByDescending(o => o.Sk).Take(take).ToList() })
                .FirstAsync();
            Assert.Equal(expected, customer.Recent.Count);
        }
    }

    [Fact]
    public async Task A_navigation_in_another_table_is_read_through_its_global_index()
    {
        await using var db = _fixture.CreateContext();

        var customer = await db.Customers.Where(c => c.Id == "c1").Select(c => new { c.Id, Texts = c.Reviews.Select(r => r.Text).ToList() }).SingleAsync();

        Assert.Equal(["fine", "good"], customer.Texts.Order());
        Assert.Equal(["Query", "Query"], Recorder.Operations);
        Assert.Equal("ByCustomer", Executed[1].IndexName);
    }

    [Fact]
    public async Task A_customer_without_orders_projects_an_empty_collection()
    {
        await using var db = _fixture.CreateContext();

        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == "c2").Select(c => new { c.Name, c.Orders }).SingleAsync();

        Assert.Empty(customer.Orders);
        Assert.Equal(["Query"], Recorder.Operations);
    }

    [Fact]
    public async Task A_navigation_no_key_or_index_serves_is_refused_before_any_request()
    {
        await using var db = _fixture.CreateContext();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => db.Customers.Where(c => c.Id == "c1").Select(c => new { c.Id, Notes = c.Notes.Count() }).ToListAsync());

        Assert.Contains("the table 'notes' of 'Note' is keyed by 'Id'", error.Message, StringComparison.Ordinal);
        Assert.Empty(Recorder.Requests);
    }

    [Fact]
    public async Task A_navigation_of_a_projected_navigation_is_refused_before_any_request()
    {
        await using var db = _fixture.CreateContext();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => db.Customers.Where(c => c.Id == "c1").Select(c => new { Lines = c.Orders.Select(o => o.Lines.Count).ToList() }).ToListAsync());

        Assert.Contains("could not be translated", error.Message, StringComparison.Ordinal);
        Assert.Empty(Recorder.Requests);
    }
}

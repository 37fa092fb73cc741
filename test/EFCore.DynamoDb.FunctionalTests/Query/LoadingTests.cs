using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
///     Explicit loading (<c>Load</c>, <c>LoadAsync</c>, <c>Query()</c>) and lazy loading through EF Core's proxies are
///     ordinary queries on the foreign key: a Query on the partition key when the foreign key is the dependents'
///     partition key, a Query on a global index when it is an index's partition key, a Scan (with its warning)
///     otherwise; a reference is read by the principal's key.
/// </summary>
public abstract class LoadingTests<TFixture>(TFixture fixture)
    where TFixture : LoadingTests<TFixture>.LoadingFixture
{
    protected TFixture Shop { get; } = Init(fixture);

    private static TFixture Init(TFixture fixture)
    {
        fixture.Store.Recorder.Clear();
        return fixture;
    }

    private RequestRecorder Recorder => Shop.Store.Recorder;

    /// <summary>How a customer is read by its id alone (the one-table model sorts it under "PROFILE").</summary>
    protected abstract string CustomerByIdRead { get; }

    private string TableOf(string twoTableName) => Shop.Store.TablePrefix + (Shop.OneTable ? "shop" : twoTableName);

    [Fact]
    public void Load_of_a_collection_keyed_on_the_foreign_key_is_one_Query_on_the_partition_key()
    {
        using var db = Shop.CreateContext();
        var customer = ReadCustomer(db);

        db.Entry(customer).Collection(c => c.Orders).Load();

        Assert.Equal(["c-o1", "c-o2", "c-o3"], customer.Orders.Select(o => o.Id).Order());
        Assert.All(customer.Orders, o => Assert.Same(customer, o.Customer));
        var query = Assert.Single(Recorder.Requests);
        Assert.Equal(("Query", TableOf("Orders"), null), (query.Operation, query.TableName, query.IndexName));
    }

    [Fact]
    public async Task LoadAsync_of_a_collection_on_a_global_index_key_is_one_Query_on_the_index()
    {
        await using var db = Shop.CreateContext();
        var customer = ReadCustomer(db);

        await db.Entry(customer).Collection(c => c.Reviews).LoadAsync();

        Assert.Equal(["c-r1", "c-r2"], customer.Reviews.Select(r => r.Id).Order());
        var query = Assert.Single(Recorder.Requests);
        Assert.Equal(("Query", "by-customer"), (query.Operation, query.IndexName));
    }

    [Fact]
    public async Task LoadAsync_of_a_collection_no_key_or_index_serves_is_a_Scan_with_its_warning()
    {
        await using var db = Shop.CreateContext();
        var customer = ReadCustomer(db);

        await db.Entry(customer).Collection(c => c.Notes).LoadAsync();

        Assert.Equal("c-n1", Assert.Single(customer.Notes).Id);
        Assert.Equal(["Scan"], Recorder.Operations);
        Assert.Contains(Recorder.Log, l => l.Id == DynamoDbEventId.ScanWarning);
    }

    [Fact]
    public async Task Under_ScanBehavior_Throw_a_Load_that_would_scan_is_refused_and_Query_AllowScan_reads_it()
    {
        await using var db = new ShopContext(Shop.Store.CreateOptions<ShopContext>(o => o.ScanBehavior(ScanBehavior.Throw)), Shop.OneTable);
        var customer = ReadCustomer(db);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Entry(customer).Collection(c => c.Notes).LoadAsync());
        Assert.Empty(Recorder.Requests);
        var notes = await db.Entry(customer).Collection(c => c.Notes).Query().AllowScan().ToListAsync();

        Assert.Contains("AllowScan()", error.Message, StringComparison.Ordinal);
        Assert.Equal("c-n1", Assert.Single(notes).Id);
        Assert.Equal(["Scan"], Recorder.Operations);
    }

    [Fact]
    public async Task Count_on_a_collection_entry_Query_is_one_counting_Query()
    {
        await using var db = Shop.CreateContext();
        var customer = ReadCustomer(db);

        Assert.Equal(3, await db.Entry(customer).Collection(c => c.Orders).Query().CountAsync());

        Assert.Equal(["Query"], Recorder.Operations);
        Assert.Empty(customer.Orders);
    }

    [Fact]
    public async Task Query_on_a_collection_entry_composes_Where_and_Take_into_the_Query()
    {
        await using var db = Shop.CreateContext();
        var customer = ReadCustomer(db);

        var orders = await db.Entry(customer).Collection(c => c.Orders).Query().Where(o => o.Total >= 2).Take(1).ToListAsync();

        Assert.True(Assert.Single(orders).Total >= 2);
        Assert.Equal(["Query"], Recorder.Operations);
        Assert.Contains("Filter:", Recorder.Requests[0].Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_of_a_reference_reads_the_principal_by_its_key()
    {
        using var db = Shop.CreateContext();
        var order = db.Orders.Single(o => o.CustomerId == "c" && o.Id == "c-o1");
        Recorder.Clear();

        db.Entry(order).Reference(o => o.Customer).Load();

        Assert.Equal("Customer c", order.Customer!.Name);
        Assert.Contains(order, order.Customer.Orders);
        Assert.Equal([CustomerByIdRead], Recorder.Operations);
    }

    [Fact]
    public async Task LoadAsync_of_a_reference_by_a_whole_composite_key_is_one_GetItem()
    {
        await using var db = Shop.CreateContext();
        var line = await db.Lines.SingleAsync(l => l.OrderId == "c-o2" && l.Id == "l1");
        Recorder.Clear();

        await db.Entry(line).Reference(l => l.Order).LoadAsync();

        Assert.Equal(2, line.Order!.Total);
        Assert.Equal(["GetItem"], Recorder.Operations);
    }

    [Fact]
    public void Lazy_loading_proxies_load_each_navigation_once_on_first_access()
    {
        using var db = CreateProxyContext();
        var customer = ReadCustomer(db);
        Assert.NotEqual(typeof(ShopCustomer), customer.GetType());

        Assert.Equal(3, customer.Orders.Count);
        Assert.Equal(["Query"], Recorder.Operations);
        var order = customer.Orders.Single(o => o.Id == "c-o2");
        Assert.Same(customer, order.Customer);
        Assert.Equal("l1", Assert.Single(order.Lines).Id);
        Assert.Equal(2, customer.Reviews.Count);
        Assert.Equal(3, customer.Orders.Count);

        Assert.Equal(["Query", "Query", "Query"], Recorder.Operations);
        Assert.Equal("by-customer", Recorder.Requests[2].IndexName);
    }

    [Fact]
    public async Task A_lazy_reference_is_read_by_the_principals_key_and_proxies_save_like_entities()
    {
        await using var db = CreateProxyContext();
        var order = await db.Orders.SingleAsync(o => o.CustomerId == "c" && o.Id == "c-o3");
        Recorder.Clear();

        Assert.Equal("Customer c", order.Customer!.Name);
        Assert.Equal([CustomerByIdRead], Recorder.Operations);

        Recorder.Clear();
        order.Total = 30;
        var line = db.CreateProxy<ShopOrderLine>(l => (l.Id, l.Product) = ("l9", "proxied"));
        order.Lines.Add(line);
        Assert.Equal(2, await db.SaveChangesAsync());

        Assert.Equal(["Query", "TransactWriteItems"], Recorder.Operations);
        Assert.Equal(("c", "c-o3"), (line.CustomerId, line.OrderId));
        await using var check = Shop.CreateContext();
        Assert.Equal(30, (await check.Orders.SingleAsync(o => o.CustomerId == "c" && o.Id == "c-o3")).Total);
        Assert.Equal("proxied", (await check.Lines.SingleAsync(l => l.OrderId == "c-o3" && l.Id == "l9")).Product);
        await using var cleanup = Shop.CreateContext();
        cleanup.Lines.Remove(await cleanup.Lines.SingleAsync(l => l.OrderId == "c-o3" && l.Id == "l9"));
        (await cleanup.Orders.SingleAsync(o => o.CustomerId == "c" && o.Id == "c-o3")).Total = 3;
        await cleanup.SaveChangesAsync();
    }

    private ShopCustomer ReadCustomer(ShopContext db)
    {
        var customer = db.Customers.Single(c => c.Id == "c");
        Recorder.Clear();
        return customer;
    }

    private ShopContext CreateProxyContext()
        => new(new DbContextOptionsBuilder<ShopContext>(Shop.Store.CreateOptions<ShopContext>()).UseLazyLoadingProxies().Options, Shop.OneTable);

    /// <summary>Customer "c" with three orders of one line each, two reviews and a note.</summary>
    public abstract class LoadingFixture(string name, bool oneTable) : ShopFixture(name, oneTable)
    {
        protected override Task SeedAsync(ShopContext context)
        {
            context.Customers.Add(new ShopCustomer
            {
                Id = "c",
                Name = "Customer c",
                Orders = [.. Enumerable.Range(1, 3).Select(o => new ShopOrder { Id = $"c-o{o}", Total = o, Lines = [new ShopOrderLine { Id = "l1" }] })],
                Reviews = [new ShopReview { Id = "c-r1", Stars = 4 }, new ShopReview { Id = "c-r2", Stars = 5 }],
                Notes = [new ShopNote { Id = "c-n1", Text = "note" }],
            });
            return context.SaveChangesAsync();
        }
    }
}

/// <summary>Customers, orders and lines in tables of their own.</summary>
public class LoadingTwoTablesTests(LoadingTwoTablesTests.Fixture fixture)
    : LoadingTests<LoadingTwoTablesTests.Fixture>(fixture), IClassFixture<LoadingTwoTablesTests.Fixture>
{
    protected override string CustomerByIdRead => "GetItem";

    public class Fixture() : LoadingFixture("loading2", oneTable: false);
}

/// <summary>Customers, orders and lines in one table, told apart by the discriminator.</summary>
public class LoadingOneTableTests(LoadingOneTableTests.Fixture fixture)
    : LoadingTests<LoadingOneTableTests.Fixture>(fixture), IClassFixture<LoadingOneTableTests.Fixture>
{
    // A customer read by its id, the partition key, without its sort key, is a Query (an item read by its whole key is
    // a GetItem whose discriminator is checked, as in the two-table model).

    protected override string CustomerByIdRead => "Query";

    public class Fixture() : LoadingFixture("loading1", oneTable: true);
}

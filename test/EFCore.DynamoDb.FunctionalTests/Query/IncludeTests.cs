using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
///     Include of a reference navigation: after the main read, one BatchGetItem per 100 distinct principal keys, in the
///     principals' own table or the dependents' one.
/// </summary>
public abstract class IncludeTests<TFixture>(TFixture fixture)
    where TFixture : IncludeTests<TFixture>.IncludeFixture
{
    protected TFixture Shop { get; } = Init(fixture);

    private static TFixture Init(TFixture fixture)
    {
        fixture.Store.Recorder.Clear();
        return fixture;
    }

    private RequestRecorder Recorder => Shop.Store.Recorder;

    /// <summary>How an order is read by its key.</summary>
    protected abstract string KeyRead { get; }

    /// <summary>How the customers of the orders are read, when their keys fill <paramref name="batches" /> BatchGetItems.</summary>
    private static string[] PrincipalReads(int batches) => [.. Enumerable.Repeat("BatchGetItem", batches)];

    private void AssertKeysPerBatchGet(params int[] keys)
        => Assert.Equal(
            keys.Select(k => $"Keys: {k}"),
            Recorder.Requests
                .Where(r => r.EventId == DynamoDbEventId.RequestExecuted && r.Operation == "BatchGetItem")
                .Select(r => r.Expressions.Split(';')[0]));

    [Fact]
    public async Task Include_reads_the_orders_then_their_distinct_customers_with_one_BatchGetItem()
    {
        await using var db = Shop.CreateContext();

        var orders = await db.Orders.Where(o => o.Batch == "small").Include(o => o.Customer).ToListAsync();

        Assert.Equal(4, orders.Count);
        Assert.All(orders.Where(o => o.CustomerId != null), o => Assert.Equal(o.CustomerId, o.Customer!.Id));
        Assert.Same(orders.Single(o => o.Id == "s1").Customer, orders.Single(o => o.Id == "s2").Customer);
        Assert.Null(orders.Single(o => o.Id == "s4").Customer);
        Assert.Equal(2, db.ChangeTracker.Entries<Customer>().Count());
        Assert.Equal(["Scan", .. PrincipalReads(1)], Recorder.Operations);
        AssertKeysPerBatchGet(2);
    }

    [Fact]
    public void Include_without_tracking_links_both_ways_sync()
    {
        using var db = Shop.CreateContext();

        var orders = db.Orders.AsNoTracking().Include(o => o.Customer).Where(o => o.Batch == "small").ToList();

        Assert.Empty(db.ChangeTracker.Entries());
        var first = orders.Single(o => o.Id == "s1");
        Assert.Equal("Customer c1", first.Customer!.Name);
        Assert.Same(first.Customer, orders.Single(o => o.Id == "s2").Customer);
        Assert.Equal(["s1", "s2"], first.Customer.Orders.Select(o => o.Id).Order());
        Assert.Null(orders.Single(o => o.Id == "s4").Customer);
        Assert.Equal(["Scan", .. PrincipalReads(1)], Recorder.Operations);
    }

    [Fact]
    public async Task Include_with_First_and_GetItem_reads_one_customer()
    {
        await using var db = Shop.CreateContext();

        var order = await db.Orders.Include(o => o.Customer).FirstAsync(o => o.Id == "s3");

        Assert.Equal("c2", order.Customer!.Id);
        Assert.Contains(order, order.Customer.Orders);
        Assert.Equal([KeyRead, .. PrincipalReads(1)], Recorder.Operations);
    }

    [Fact]
    public async Task Include_with_Take_reads_the_customers_of_the_orders_returned()
    {
        await using var db = Shop.CreateContext();

        var order = Assert.Single(await db.Orders.Include(o => o.Customer).Where(o => o.Id == "s1").Take(1).ToListAsync());

        Assert.Equal("c1", order.Customer!.Id);
        Assert.Equal([KeyRead, .. PrincipalReads(1)], Recorder.Operations);
    }

    [Fact]
    public async Task Include_sends_no_BatchGetItem_when_every_foreign_key_is_null()
    {
        await using var db = Shop.CreateContext();

        var order = await db.Orders.Include(o => o.Customer).SingleAsync(o => o.Id == "s4");

        Assert.Null(order.Customer);
        Assert.Equal([KeyRead], Recorder.Operations);
    }

    [Fact]
    public async Task Include_of_150_orders_of_120_customers_is_two_BatchGetItems()
    {
        await using var db = Shop.CreateContext();

        var orders = await db.Orders.AsNoTracking().Where(o => o.Batch == "large").Include(o => o.Customer).ToListAsync();

        Assert.Equal(150, orders.Count);
        Assert.All(orders, o => Assert.Equal(o.CustomerId, o.Customer!.Id));
        Assert.Equal(120, orders.Select(o => o.Customer).Distinct().Count());
        Assert.Equal(["Scan", .. PrincipalReads(2)], Recorder.Operations);
        AssertKeysPerBatchGet(100, 20);
    }

    [Fact]
    public async Task ThenInclude_stays_refused_at_translation()
    {
        await using var db = Shop.CreateContext();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => db.Orders.Include(o => o.Customer).ThenInclude(c => c!.Orders).ToListAsync());

        Assert.Contains("Include of the navigation 'Order.Customer' is not yet supported", error.Message, StringComparison.Ordinal);
        Assert.Empty(Recorder.Requests);
    }

    public class Customer
    {
        public string Id { get; set; } = null!;

        public string Name { get; set; } = null!;

        public List<Order> Orders { get; set; } = [];
    }

    public class Order
    {
        public string Id { get; set; } = null!;

        public string Batch { get; set; } = null!;

        public string? CustomerId { get; set; }

        public Customer? Customer { get; set; }
    }

    public class ShopContext(DbContextOptions options, bool oneTable) : DbContext(options)
    {
        public DbSet<Customer> Customers => Set<Customer>();

        public DbSet<Order> Orders => Set<Order>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            if (oneTable)
            {
                modelBuilder.Entity<Customer>().ToDynamoTable("shop");
                modelBuilder.Entity<Order>().ToDynamoTable("shop");
            }
        }
    }

    public abstract class IncludeFixture(string name, bool oneTable)
        : DynamoDbFixture<ShopContext>(name, options => new ShopContext(options, oneTable))
    {
        protected override Task SeedAsync(ShopContext context)
        {
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
            context.Customers.AddRange(Enumerable.Range(0, 120).Select(i => new Customer { Id = $"c{i}", Name = $"Customer c{i}" }));
            context.Orders.AddRange(
                new Order { Id = "s1", Batch = "small", CustomerId = "c1" },
                new Order { Id = "s2", Batch = "small", CustomerId = "c1" },
                new Order { Id = "s3", Batch = "small", CustomerId = "c2" },
                new Order { Id = "s4", Batch = "small" });
            context.Orders.AddRange(Enumerable.Range(0, 150).Select(i => new Order { Id = $"l{i}", Batch = "large", CustomerId = $"c{i % 120}" }));
            return context.SaveChangesAsync();
        }
    }
}

/// <summary>Customers and orders in two tables.</summary>
public class IncludeTwoTablesTests(IncludeTwoTablesTests.Fixture fixture)
    : IncludeTests<IncludeTwoTablesTests.Fixture>(fixture), IClassFixture<IncludeTwoTablesTests.Fixture>
{
    protected override string KeyRead => "GetItem";

    public class Fixture() : IncludeFixture("include2", oneTable: false);
}

/// <summary>Customers and orders in one table, told apart by the discriminator.</summary>
public class IncludeOneTableTests(IncludeOneTableTests.Fixture fixture)
    : IncludeTests<IncludeOneTableTests.Fixture>(fixture), IClassFixture<IncludeOneTableTests.Fixture>
{
    // An order by its key is a GetItem in the shared table too: its discriminator is checked on the item read, as the
    // customers' is on the items their BatchGetItem returns.
    protected override string KeyRead => "GetItem";

    public class Fixture() : IncludeFixture("include1", oneTable: true);
}

using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
///     Include of a reference navigation: after the main read, one BatchGetItem per 100 distinct principal keys, in the
///     principals' own table or the dependents' one, with the main query's consistency, query filters and identity
///     resolution; combined with other references, collections and ThenIncludes, each read after what it belongs to.
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

    protected RequestRecorder Recorder => Shop.Store.Recorder;

    /// <summary>How an order is read by its key.</summary>
    protected abstract string KeyRead { get; }

    /// <summary>How the customers of the orders are read, when their keys fill <paramref name="batches" /> BatchGetItems.</summary>
    private static string[] PrincipalReads(int batches) => [.. Enumerable.Repeat("BatchGetItem", batches)];

    protected IReadOnlyList<DynamoRequestEventData> Executed => [.. Recorder.Requests.Where(r => r.EventId == DynamoDbEventId.RequestExecuted)];

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
    public async Task The_customers_are_read_as_consistently_as_the_orders()
    {
        await using var db = Shop.CreateContext();

        var orders = await db.Orders.WithConsistentRead().Where(o => o.Batch == "small").Include(o => o.Customer).ToListAsync();

        Assert.Equal("c1", orders.Single(o => o.Id == "s1").Customer!.Id);
        Assert.Equal(["Scan", .. PrincipalReads(1)], Recorder.Operations);
        Assert.All(Executed, r => Assert.Contains("ConsistentRead: true", r.Expressions, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_customers_query_filter_applies_unless_the_orders_query_ignores_it()
    {
        await using var db = Shop.CreateContext();

        var filtered = await db.Orders.AsNoTracking().Include(o => o.Customer).SingleAsync(o => o.Id == "a1");
        var ignored = await db.Orders.AsNoTracking().IgnoreQueryFilters().Include(o => o.Customer).SingleAsync(o => o.Id == "a1");

        Assert.Null(filtered.Customer);
        Assert.Equal("Customer cx", ignored.Customer!.Name);
        Assert.Equal([KeyRead, .. PrincipalReads(1), KeyRead, .. PrincipalReads(1)], Recorder.Operations);
    }

    [Fact]
    public async Task Under_identity_resolution_a_customer_read_again_as_a_referrer_is_the_instance_returned()
    {
        await using var db = Shop.CreateContext();
        string[] ids = ["c1", "c2"];

        var resolved = await db.Customers.AsNoTrackingWithIdentityResolution().Where(c => ids.Contains(c.Id)).Include(c => c.ReferredBy).ToListAsync();
        var untracked = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).Include(c => c.ReferredBy).ToListAsync();

        Assert.Same(resolved.Single(c => c.Id == "c1"), resolved.Single(c => c.Id == "c2").ReferredBy);
        Assert.NotSame(untracked.Single(c => c.Id == "c1"), untracked.Single(c => c.Id == "c2").ReferredBy);
        Assert.Equal("c1", untracked.Single(c => c.Id == "c2").ReferredBy!.Id);
        Assert.Equal(["BatchGetItem", "BatchGetItem", "BatchGetItem", "BatchGetItem"], Recorder.Operations);
    }

    [Fact]
    public async Task Include_of_the_customer_and_the_lines_is_one_BatchGetItem_and_a_Query_per_order()
    {
        await using var db = Shop.CreateContext();

        var orders = await db.Orders.Where(o => o.Batch == "small").Include(o => o.Customer).Include(o => o.Lines).ToListAsync();

        var s1 = orders.Single(o => o.Id == "s1");
        Assert.Equal("c1", s1.Customer!.Id);
        Assert.Equal(["apple", "pear"], s1.Lines.Select(l => l.Product).Order());
        Assert.All(s1.Lines, l => Assert.Same(s1, l.Order));
        Assert.Empty(orders.Single(o => o.Id == "s2").Lines);
        Assert.All(orders, o => Assert.True(db.Entry(o).Collection(x => x.Lines).IsLoaded));
        Assert.Equal(["Scan", .. PrincipalReads(1), "Query", "Query", "Query", "Query"], Recorder.Operations);
    }

    [Fact]
    public void Include_of_the_lines_then_the_customer_without_tracking_links_both_ways_sync()
    {
        using var db = Shop.CreateContext();

        var order = db.Orders.AsNoTracking().Include(o => o.Lines).Include(o => o.Customer).Single(o => o.Id == "s3");

        Assert.Empty(db.ChangeTracker.Entries());
        Assert.Equal("plum", Assert.Single(order.Lines).Product);
        Assert.Same(order, order.Lines[0].Order);
        Assert.Same(order, Assert.Single(order.Customer!.Orders));
        Assert.Equal([KeyRead, .. PrincipalReads(1), "Query"], Recorder.Operations);
    }

    [Fact]
    public async Task Include_of_two_references_is_one_BatchGetItem_for_each()
    {
        await using var db = Shop.CreateContext();

        var orders = await db.Orders.AsNoTracking().Where(o => o.Batch == "small").Include(o => o.Customer).Include(o => o.Shipper).ToListAsync();

        Assert.Equal("Shipper sh1", orders.Single(o => o.Id == "s1").Shipper!.Name);
        Assert.Same(orders.Single(o => o.Id == "s1").Shipper, orders.Single(o => o.Id == "s2").Shipper);
        Assert.Equal("c2", orders.Single(o => o.Id == "s3").Customer!.Id);
        Assert.Null(orders.Single(o => o.Id == "s4").Shipper);
        Assert.Equal(["Scan", .. PrincipalReads(2)], Recorder.Operations);
        AssertKeysPerBatchGet(2, 1);
    }

    [Fact]
    public async Task ThenInclude_of_the_orders_customer_reads_the_orders_then_their_customers()
    {
        await using var db = Shop.CreateContext();

        var lines = await db.Lines.Include(l => l.Order).ThenInclude(o => o!.Customer).Where(l => l.Product != "none").ToListAsync();

        Assert.Equal(3, lines.Count);
        var apple = lines.Single(l => l.Product == "apple");
        Assert.Equal("s1", apple.Order!.Id);
        Assert.Equal("c1", apple.Order.Customer!.Id);
        Assert.Same(apple.Order, lines.Single(l => l.Product == "pear").Order);
        Assert.Contains(apple, apple.Order.Lines);
        Assert.Equal("c2", lines.Single(l => l.Product == "plum").Order!.Customer!.Id);
        Assert.Equal(4, db.ChangeTracker.Entries<Order>().Count() + db.ChangeTracker.Entries<Customer>().Count());
        Assert.Equal(["Scan", .. PrincipalReads(2)], Recorder.Operations);
        AssertKeysPerBatchGet(2, 2);
    }

    [Fact]
    public void ThenInclude_of_the_orders_customer_without_tracking_links_both_ways_sync()
    {
        using var db = Shop.CreateContext();

        var line = db.Lines.AsNoTracking().Include(l => l.Order).ThenInclude(o => o!.Customer).Single(l => l.Id == "ln3");

        Assert.Empty(db.ChangeTracker.Entries());
        Assert.Same(line, Assert.Single(line.Order!.Lines));
        Assert.Same(line.Order, Assert.Single(line.Order.Customer!.Orders));
        Assert.Equal([KeyRead, .. PrincipalReads(2)], Recorder.Operations);
    }

    [Fact]
    public async Task A_reference_navigation_in_a_projection_is_read_as_its_Include_and_null_without_a_principal()
    {
        await using var db = Shop.CreateContext();

        var orders = await db.Orders.Where(o => o.Batch == "small").Select(o => new { o.Id, o.Customer!.Name }).ToListAsync();

        Assert.Equal(
            [("s1", "Customer c1"), ("s2", "Customer c1"), ("s3", "Customer c2"), ("s4", null)],
            orders.Select(o => (o.Id, (string?)o.Name)).OrderBy(o => o.Id));
        Assert.Equal(["Scan", .. PrincipalReads(1)], Recorder.Operations);
        AssertKeysPerBatchGet(2);
    }

    [Fact]
    public void Two_reference_navigations_in_a_projection_are_a_BatchGetItem_each_sync()
    {
        using var db = Shop.CreateContext();

        var order = db.Orders.Where(o => o.Id == "s1").Select(o => new { Customer = o.Customer!.Name, Shipper = o.Shipper!.Name }).Single();

        Assert.Equal(("Customer c1", "Shipper sh1"), (order.Customer, order.Shipper));
        Assert.Equal([KeyRead, .. PrincipalReads(2)], Recorder.Operations);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Entities_projected_with_their_reference_are_tracked_as_the_query_says(bool tracking)
    {
        await using var db = Shop.CreateContext();
        var query = db.Orders.Where(o => o.Batch == "small").Select(o => new { Order = o, o.Customer });

        var pairs = await (tracking ? query : query.AsNoTracking()).ToListAsync();

        Assert.All(pairs.Where(p => p.Order.CustomerId != null), p => Assert.Same(p.Customer, p.Order.Customer));
        Assert.Null(pairs.Single(p => p.Order.Id == "s4").Customer);
        Assert.Equal(tracking ? 6 : 0, db.ChangeTracker.Entries().Count());
    }

    [Fact]
    public async Task A_value_of_a_missing_principal_is_null_where_the_projection_allows_it_and_an_error_where_not()
    {
        await using var db = Shop.CreateContext();
        var orphan = db.Orders.Where(o => o.Id == "s4");

        var lifted = await orphan.Select(o => new { o.Id, Length = (int?)o.Customer!.Name.Length }).SingleAsync();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => orphan.Select(o => new { o.Id, o.Customer!.Name.Length }).SingleAsync());

        Assert.Null(lifted.Length);
        Assert.Contains("Length", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_navigation_of_a_projected_reference_is_refused_before_any_request()
    {
        await using var db = Shop.CreateContext();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => db.Orders.Where(o => o.Batch == "small").Select(o => o.Customer!.ReferredBy!.Name).ToListAsync());

        Assert.Contains("could not be translated", error.Message, StringComparison.Ordinal);
        Assert.Empty(Recorder.Requests);
    }

    public class Customer
    {
        public string Id { get; set; } = null!;

        public string Name { get; set; } = null!;

        public bool Archived { get; set; }

        public string? ReferredById { get; set; }

        public Customer? ReferredBy { get; set; }

        public List<Order> Orders { get; set; } = [];
    }

    public class Order
    {
        public string Id { get; set; } = null!;

        public string Batch { get; set; } = null!;

        public string? CustomerId { get; set; }

        public Customer? Customer { get; set; }

        public string? ShipperId { get; set; }

        public Shipper? Shipper { get; set; }

        public List<Line> Lines { get; set; } = [];
    }

    public class Line
    {
        public string Id { get; set; } = null!;

        public string OrderId { get; set; } = null!;

        public string Product { get; set; } = null!;

        public Order? Order { get; set; }
    }

    public class Shipper
    {
        public string Id { get; set; } = null!;

        public string Name { get; set; } = null!;
    }

    public class ShopContext(DbContextOptions options, bool oneTable) : DbContext(options)
    {
        public DbSet<Customer> Customers => Set<Customer>();

        public DbSet<Order> Orders => Set<Order>();

        public DbSet<Line> Lines => Set<Line>();

        public DbSet<Shipper> Shippers => Set<Shipper>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Customer>().HasQueryFilter(c => !c.Archived);
            modelBuilder.Entity<Customer>().HasOne(c => c.ReferredBy).WithMany().HasForeignKey(c => c.ReferredById);
            modelBuilder.Entity<Order>().HasGlobalSecondaryIndex("ByCustomer", o => o.CustomerId);
            modelBuilder.Entity<Line>().HasGlobalSecondaryIndex("ByOrder", l => l.OrderId);
            if (oneTable)
            {
                modelBuilder.Entity<Customer>().ToDynamoTable("shop");
                modelBuilder.Entity<Order>().ToDynamoTable("shop");
                modelBuilder.Entity<Shipper>().ToDynamoTable("shop");
            }
        }
    }

    public abstract class IncludeFixture(string name, bool oneTable)
        : DynamoDbFixture<ShopContext>(name, options => new ShopContext(options, oneTable))
    {
        protected override Task SeedAsync(ShopContext context)
        {
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
            context.Customers.AddRange(Enumerable.Range(0, 120).Select(i => new Customer { Id = $"c{i}", Name = $"Customer c{i}", ReferredById = i == 2 ? "c1" : null }));
            context.Customers.Add(new Customer { Id = "cx", Name = "Customer cx", Archived = true });
            context.Shippers.AddRange(new Shipper { Id = "sh1", Name = "Shipper sh1" }, new Shipper { Id = "sh2", Name = "Shipper sh2" });
            context.Orders.AddRange(
                new Order { Id = "s1", Batch = "small", CustomerId = "c1", ShipperId = "sh1" },
                new Order { Id = "s2", Batch = "small", CustomerId = "c1", ShipperId = "sh1" },
                new Order { Id = "s3", Batch = "small", CustomerId = "c2" },
                new Order { Id = "s4", Batch = "small" },
                new Order { Id = "a1", Batch = "archived", CustomerId = "cx" });
            context.Lines.AddRange(
                new Line { Id = "ln1", OrderId = "s1", Product = "apple" },
                new Line { Id = "ln2", OrderId = "s1", Product = "pear" },
                new Line { Id = "ln3", OrderId = "s3", Product = "plum" });
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

    // A table shared by several entity types is created with the indexes of one of them: the orders' index by customer
    // is in the orders' own table here.
    [Fact]
    public async Task Under_identity_resolution_the_customers_orders_are_the_orders_returned()
    {
        await using var db = Shop.CreateContext();

        var orders = await db.Orders.AsNoTrackingWithIdentityResolution()
            .Where(o => o.Batch == "small")
            .Include(o => o.Customer)
            .ThenInclude(c => c!.Orders)
            .ToListAsync();

        Assert.Empty(db.ChangeTracker.Entries());
        var s1 = orders.Single(o => o.Id == "s1");
        var c1 = s1.Customer!;
        Assert.Same(c1, orders.Single(o => o.Id == "s2").Customer);
        Assert.Equal(["l1", "l121", "s1", "s2"], c1.Orders.Select(o => o.Id).Order());
        Assert.Same(s1, c1.Orders.Single(o => o.Id == "s1"));
        Assert.All(c1.Orders, o => Assert.Same(c1, o.Customer));
        Assert.Equal(["Scan", "BatchGetItem", "Query", "Query"], Recorder.Operations);
    }

    [Fact]
    public async Task ThenInclude_of_the_customers_orders_is_a_Query_of_the_index_per_customer()
    {
        await using var db = Shop.CreateContext();

        var order = await db.Orders.Include(o => o.Customer).ThenInclude(c => c!.Orders).SingleAsync(o => o.Id == "s3");

        var c2 = order.Customer!;
        Assert.Equal(["l122", "l2", "s3"], c2.Orders.Select(o => o.Id).Order());
        Assert.Contains(order, c2.Orders);
        Assert.True(db.Entry(c2).Collection(c => c.Orders).IsLoaded);
        Assert.Equal([KeyRead, "BatchGetItem", "Query"], Recorder.Operations);
        Assert.Equal("ByCustomer", Executed[^1].IndexName);
    }

    // Its own service provider, so its own query cache: EF Core's keeps 1024 queries per service provider, and the other
    // tests, sharing one, compile more than that, which could evict this query between its two executions.
    [Fact]
    public async Task The_customers_query_is_compiled_with_the_orders_query_once()
    {
        await using var services = new ServiceCollection().AddEntityFrameworkDynamoDb().BuildServiceProvider();
        var options = new DbContextOptionsBuilder<ShopContext>(Shop.Store.CreateOptions<ShopContext>()).UseInternalServiceProvider(services).Options;
        for (var execution = 0; execution < 2; execution++)
        {
            await using var db = new ShopContext(options, oneTable: false);
            Recorder.Clear();

            var orders = await db.Orders.Where(o => o.Batch == "compiled once").Include(o => o.Customer).ToListAsync();

            Assert.Empty(orders);
            Assert.Equal(execution == 0 ? 1 : 0, Recorder.Log.Count(l => l.Id == CoreEventId.QueryCompilationStarting));
        }
    }

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

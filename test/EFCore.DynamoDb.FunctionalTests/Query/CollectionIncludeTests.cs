using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using EFCore.DynamoDb.Query.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
///     Include of collection navigations on a single-table e-commerce model (customers, orders and order lines in one
///     partition per customer, told apart by the discriminator), and of a collection in another table keyed by a global
///     index: after the principals are read, one Query per principal on the dependents' foreign key.
/// </summary>
public class CollectionIncludeTests : IClassFixture<CollectionIncludeTests.Fixture>
{
    private readonly Fixture _fixture;

    public CollectionIncludeTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private RequestRecorder Recorder => _fixture.Store.Recorder;

    private ShopContext CreateContext(FaultInjectingProxy proxy)
        => new(_fixture.Store.CreateOptions<ShopContext>(o => o.ServiceUrl(proxy.ServiceUrl)));

    private IReadOnlyList<DynamoRequestEventData> Executed => [.. Recorder.Requests.Where(r => r.EventId == DynamoDbEventId.RequestExecuted)];

    [Fact]
    public async Task Include_of_orders_of_one_customer_is_one_Query_of_its_partition()
    {
        await using var db = _fixture.CreateContext();

        var customer = await db.Customers.Include(c => c.Orders).SingleAsync(c => c.Id == "c1");

        Assert.Equal("Ann", customer.Name);
        Assert.Equal(["o1", "o2", "o3"], customer.Orders.Select(o => o.Number).Order());
        Assert.All(customer.Orders, o => Assert.Same(customer, o.Customer));
        Assert.Equal(4, db.ChangeTracker.Entries().Count());
        Assert.True(db.Entry(customer).Collection(c => c.Orders).IsLoaded);
        var query = Assert.Single(Executed);
        Assert.Equal(("Query", _fixture.Store.TablePrefix + "shop"), (query.Operation, query.TableName));
        Assert.Contains("KeyCondition: #n0 = :v0; Filter: (#n1 = :v1 OR #n1 = :v2)", query.Expressions, StringComparison.Ordinal);
        Assert.DoesNotContain("c1", query.Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_of_one_partition_without_tracking_links_both_ways_sync()
    {
        using var db = _fixture.CreateContext();

        var customers = db.Customers.AsNoTracking().Where(c => c.Id == "c2").Include(c => c.Orders).ToList();

        Assert.Empty(db.ChangeTracker.Entries());
        Assert.Empty(Assert.Single(customers).Orders);
        var customer = db.Customers.AsNoTracking().Include(c => c.Orders).First(c => c.Id == "c3");
        Assert.Same(customer, Assert.Single(customer.Orders).Customer);
        Assert.Equal(["Query", "Query"], Recorder.Operations);
    }

    [Fact]
    public async Task Include_of_a_customer_that_does_not_exist_returns_nothing_in_one_Query()
    {
        await using var db = _fixture.CreateContext();

        Assert.Null(await db.Customers.Include(c => c.Orders).SingleOrDefaultAsync(c => c.Id == "nobody"));
        Assert.Equal(["Query"], Recorder.Operations);
    }

    [Fact]
    public void Include_without_tracking_links_both_ways_sync()
    {
        using var db = _fixture.CreateContext();

        var customers = db.Customers.AsNoTracking().Include(c => c.Orders).Where(c => c.Region == "north").AllowScan().ToList();

        Assert.Empty(db.ChangeTracker.Entries());
        var first = customers.Single(c => c.Id == "c1");
        Assert.Equal(3, first.Orders.Count);
        Assert.All(first.Orders, o => Assert.Same(first, o.Customer));
        Assert.Empty(customers.Single(c => c.Id == "c2").Orders);
        Assert.Equal(["Scan", "Query", "Query"], Recorder.Operations);
    }

    [Fact]
    public async Task Filtered_include_puts_the_sort_key_range_order_and_limit_in_the_Query()
    {
        await using var db = _fixture.CreateContext();
        var from = "ORDER#o2";

        var customer = await db.Customers
            .Include(c => c.Orders.Where(o => string.CompareOrdinal(o.Sk, from) >= 0).OrderByDescending(o => o.Sk).Take(1))
            .SingleAsync(c => c.Id == "c1");

        Assert.Equal("o3", Assert.Single(customer.Orders).Number);
        Assert.Equal(["Query", "Query"], Recorder.Operations);
        var orders = Executed[1].Expressions;
        Assert.Contains("KeyCondition: #n0 = :v0 AND #n1 >= :v1", orders, StringComparison.Ordinal);
        Assert.Contains("ScanIndexForward: false", orders, StringComparison.Ordinal);
        Assert.DoesNotContain("ORDER#", orders, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThenInclude_of_lines_in_the_partition_is_the_same_one_Query_linked_by_the_full_foreign_key()
    {
        await using var db = _fixture.CreateContext();

        var customer = await db.Customers.AsNoTracking().Include(c => c.Orders).ThenInclude(o => o.Lines).SingleAsync(c => c.Id == "c1");

        AssertLinesOfAnn(customer);
        Assert.Empty(db.ChangeTracker.Entries());
        var query = Assert.Single(Executed);
        Assert.Equal("Query", query.Operation);
        Assert.Contains("KeyCondition: #n0 = :v0; Filter: ((#n1 = :v1 OR #n1 = :v2) OR #n1 = :v3)", query.Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public void ThenInclude_of_lines_in_the_partition_is_one_Query_tracked_sync()
    {
        using var db = _fixture.CreateContext();

        var customer = db.Customers.Where(c => c.Id == "c1").Include(c => c.Orders).ThenInclude(o => o.Lines).ToList().Single();

        AssertLinesOfAnn(customer);
        Assert.Equal(7, db.ChangeTracker.Entries().Count());
        Assert.All(customer.Orders, o => Assert.True(db.Entry(o).Collection(x => x.Lines).IsLoaded));
        Assert.Equal(["Query"], Recorder.Operations);
    }

    [Fact]
    public async Task ThenInclude_over_several_customers_is_one_Query_of_each_partition()
    {
        await using var db = _fixture.CreateContext();

        var customers = await db.Customers.AsNoTracking().Include(c => c.Orders).ThenInclude(o => o.Lines).Where(c => c.Region == "north").AllowScan().ToListAsync();

        AssertLinesOfAnn(customers.Single(c => c.Id == "c1"));
        Assert.Empty(customers.Single(c => c.Id == "c2").Orders);
        Assert.Equal(["Scan", "Query", "Query"], Recorder.Operations);
    }

    [Fact]
    public async Task A_filtered_include_in_the_partition_is_the_same_one_Query_with_its_condition()
    {
        await using var db = _fixture.CreateContext();
        var from = "ORDER#o2";

        var customer = await db.Customers.Include(c => c.Orders.Where(o => o.Number != "o1")).ThenInclude(o => o.Lines).SingleAsync(c => c.Id == "c1");
        var bySortKey = await db.Customers.AsNoTracking().Include(c => c.Orders.Where(o => string.CompareOrdinal(o.Sk, from) > 0)).SingleAsync(c => c.Id == "c1");

        Assert.Equal(["o2", "o3"], customer.Orders.Select(o => o.Number).Order());
        Assert.Equal("plum", Assert.Single(customer.Orders.Single(o => o.Number == "o2").Lines).Product);
        Assert.Equal(4, db.ChangeTracker.Entries().Count());
        Assert.Equal("o3", Assert.Single(bySortKey.Orders).Number);
        Assert.Equal(["Query", "Query"], Recorder.Operations);

        // A Query may not filter on the sort key: that condition is applied to the items read, the discriminator alone
        // goes into the filter.
        Assert.Contains("#n2 <> :v3", Executed[0].Expressions, StringComparison.Ordinal);
        Assert.Contains("Filter: (#n1 = :v1 OR #n1 = :v2)", Executed[1].Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_filter_on_the_included_dependents_is_applied_unless_ignored()
    {
        await using var db = _fixture.CreateContext();

        var customer = await db.Customers.AsNoTracking().Include(c => c.Payments).SingleAsync(c => c.Id == "c1");
        var ignored = await db.Customers.AsNoTracking().IgnoreQueryFilters().Include(c => c.Payments).SingleAsync(c => c.Id == "c1");
        var several = await db.Customers.AsNoTracking().Include(c => c.Payments).Where(c => c.Region == "north").AllowScan().ToListAsync();

        Assert.Equal([10m], customer.Payments.Select(p => p.Amount));
        Assert.Equal([10m, 20m], ignored.Payments.Select(p => p.Amount).Order());
        Assert.Equal([10m], several.Single(c => c.Id == "c1").Payments.Select(p => p.Amount));
        Assert.Equal(["Query", "Query", "Scan", "Query", "Query"], Recorder.Operations);
        Assert.All([Executed[0], Executed[3]], r => Assert.Contains("#n2", r.Expressions, StringComparison.Ordinal));
        Assert.DoesNotContain("#n2", Executed[1].Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filtered_include_comparing_with_the_principal_is_refused_before_any_request()
    {
        await using var db = _fixture.CreateContext();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => db.Customers.Include(c => c.Orders.Where(o => o.Number != c.Name)).SingleAsync(c => c.Id == "c1"));

        Assert.Contains("could not be translated", error.Message, StringComparison.Ordinal);
        Assert.Empty(Recorder.Requests);
    }

    private static void AssertLinesOfAnn(Customer customer)
    {
        Assert.Equal(["o1", "o2", "o3"], customer.Orders.Select(o => o.Number).Order());
        var o1 = customer.Orders.Single(o => o.Number == "o1");
        Assert.Equal(["apple", "pear"], o1.Lines.Select(l => l.Product).Order());
        Assert.All(o1.Lines, l => Assert.Same(o1, l.Order));
        Assert.Equal("plum", Assert.Single(customer.Orders.Single(o => o.Number == "o2").Lines).Product);
        Assert.Empty(customer.Orders.Single(o => o.Number == "o3").Lines);
        Assert.All(customer.Orders, o => Assert.Same(customer, o.Customer));
    }

    [Fact]
    public async Task Orders_by_customer_return_only_orders()
    {
        await using var db = _fixture.CreateContext();

        var orders = await db.Orders.Where(o => o.CustomerId == "c1").ToListAsync();

        Assert.Equal(3, orders.Count);
        Assert.Equal(["Query"], Recorder.Operations);
    }

    [Fact]
    public async Task A_page_of_customers_includes_the_orders_of_that_page_only()
    {
        await using var db = _fixture.CreateContext();

        var page = await db.Customers.AsNoTracking().Include(c => c.Orders).Where(c => c.Region == "north").AllowScan().ToPageAsync(1, null);

        var customer = Assert.Single(page.Items);
        Assert.NotNull(page.ContinuationToken);
        Assert.Equal(customer.Id == "c1" ? 3 : 0, customer.Orders.Count);
        Assert.Equal(["Scan", "Query"], Recorder.Operations);
    }

    [Fact]
    public async Task Include_of_a_collection_in_another_table_queries_its_global_index_per_customer()
    {
        await using var db = _fixture.CreateContext();

        var customers = await db.Customers.Include(c => c.Reviews).Where(c => c.Region == "north").AllowScan().ToListAsync();

        Assert.Equal(2, customers.Single(c => c.Id == "c1").Reviews.Count);
        Assert.Equal("great", Assert.Single(customers.Single(c => c.Id == "c2").Reviews).Text);
        Assert.Equal(["Scan", "Query", "Query"], Recorder.Operations);
        Assert.All(Executed.Skip(1), r => Assert.Equal(("reviews", "ByCustomer"), (r.TableName[_fixture.Store.TablePrefix.Length..], r.IndexName)));
    }

    [Fact]
    public async Task Include_of_the_orders_of_more_than_25_customers_is_a_Query_each_and_a_warning()
    {
        await using var db = _fixture.CreateContext();

        var customers = await db.Customers.Include(c => c.Orders).Where(c => c.Region == "many").AllowScan().ToListAsync();

        Assert.Equal(30, customers.Count);
        Assert.Equal(["Scan", .. Enumerable.Repeat("Query", 30)], Recorder.Operations);
        var warning = Assert.Single(Recorder.Log, l => l.Id == DynamoDbEventId.IncludeQueriesWarning);
        Assert.Contains("'Customer.Orders' reads the dependents of 30 principals", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Queries_of_an_async_Include_are_in_flight_together_up_to_the_bound()
    {
        // The proxy holds each Query until as many as the bound are in flight; a loader reading one after the other
        // would leave each held until the wait gives up, and the assertion on what was in flight fails.
        var bound = DynamoCollectionLoader.MaxConcurrentQueries;
        var full = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var queries = 0;
        await using var proxy = new FaultInjectingProxy(
            _ => ProxyFault.None,
            r =>
            {
                if (r.Operation != "Query")
                {
                    return Task.CompletedTask;
                }

                if (Interlocked.Increment(ref queries) >= bound)
                {
                    full.TrySetResult();
                }

                return Task.WhenAny(full.Task, Task.Delay(TimeSpan.FromSeconds(5)));
            });
        await using var db = CreateContext(proxy);

        var customers = await db.Customers.Include(c => c.Orders).Where(c => c.Region == "many").AllowScan().ToListAsync();

        Assert.Equal(30, customers.Count);
        Assert.All(customers, c => Assert.True(db.Entry(c).Collection(x => x.Orders).IsLoaded));
        Assert.Equal(["Scan", .. Enumerable.Repeat("Query", 30)], Recorder.Operations);
        Assert.Equal(bound, proxy.MaxInFlight("Query"));
    }

    [Fact]
    public async Task Canceling_an_async_Include_sends_no_more_Queries_than_were_in_flight()
    {
        using var cancellation = new CancellationTokenSource();
        var canceled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var proxy = new FaultInjectingProxy(
            _ => ProxyFault.None,
            r =>
            {
                // No Query is answered before the cancellation, so none frees a place for another.
                if (r is { Operation: "Query", Number: 1 })
                {
                    cancellation.Cancel();
                    canceled.TrySetResult();
                }

                return r.Operation == "Query" ? canceled.Task : Task.CompletedTask;
            });
        await using var db = CreateContext(proxy);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => db.Customers.Include(c => c.Orders).Where(c => c.Region == "many").AllowScan().ToListAsync(cancellation.Token));

        Assert.InRange(proxy.Received("Query"), 1, DynamoCollectionLoader.MaxConcurrentQueries);
    }

    [Fact]
    public async Task The_Queries_of_a_sync_Include_are_sent_one_after_the_other()
    {
        await using var proxy = new FaultInjectingProxy(_ => ProxyFault.None);
        await using var db = CreateContext(proxy);

        var customers = db.Customers.Include(c => c.Orders).Where(c => c.Region == "many").AllowScan().ToList();

        Assert.Equal(30, customers.Count);
        Assert.Equal(30, proxy.Received("Query"));
        Assert.Equal(1, proxy.MaxInFlight("Query"));
    }

    [Fact]
    public async Task The_orders_are_read_as_consistently_as_the_customers_but_an_index_never_is()
    {
        await using var db = _fixture.CreateContext();

        var customers = await db.Customers.WithConsistentRead().Where(c => c.Region == "north").AllowScan()
            .Include(c => c.Orders).Include(c => c.Reviews).ToListAsync();

        Assert.Equal(3, customers.Single(c => c.Id == "c1").Orders.Count);
        Assert.Equal(2, customers.Single(c => c.Id == "c1").Reviews.Count);
        Assert.Equal(["Scan", "Query", "Query", "Query", "Query"], Recorder.Operations);
        Assert.All(Executed.Where(r => r.IndexName == null), r => Assert.Contains("ConsistentRead: true", r.Expressions, StringComparison.Ordinal));
        Assert.All(Executed.Where(r => r.IndexName != null), r => Assert.DoesNotContain("ConsistentRead: true", r.Expressions, StringComparison.Ordinal));
        Assert.Equal(2, Executed.Count(r => r.IndexName == "ByCustomer"));
    }

    [Fact]
    public async Task Include_of_a_collection_no_key_or_index_serves_is_refused_naming_the_table_and_key()
    {
        await using var db = _fixture.CreateContext();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Customers.Include(c => c.Notes).ToListAsync());

        Assert.Contains("Include(c => c.Notes)", error.Message, StringComparison.Ordinal);
        Assert.Contains("the table 'notes' of 'Note' is keyed by 'Id'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'CustomerId'", error.Message, StringComparison.Ordinal);
        Assert.Empty(Recorder.Requests);
    }

    public class Customer
    {
        public string Id { get; set; } = null!;

        public string Sk { get; set; } = "PROFILE";

        public string Name { get; set; } = null!;

        public string Region { get; set; } = null!;

        public List<Order> Orders { get; set; } = [];

        public List<Review> Reviews { get; set; } = [];

        public List<Note> Notes { get; set; } = [];

        public List<Payment> Payments { get; set; } = [];
    }

    public class Order
    {
        public string CustomerId { get; set; } = null!;

        public string Sk { get; set; } = null!;

        public string Number { get; set; } = null!;

        public Customer? Customer { get; set; }

        public List<OrderLine> Lines { get; set; } = [];
    }

    public class OrderLine
    {
        public string CustomerId { get; set; } = null!;

        public string Sk { get; set; } = null!;

        public string OrderSk { get; set; } = null!;

        public string Product { get; set; } = null!;

        public Order? Order { get; set; }
    }

    public class Payment
    {
        public string CustomerId { get; set; } = null!;

        public string Sk { get; set; } = null!;

        public decimal Amount { get; set; }

        public bool Voided { get; set; }
    }

    public class Review
    {
        public string Id { get; set; } = null!;

        public string CustomerId { get; set; } = null!;

        public string Text { get; set; } = null!;
    }

    public class Note
    {
        public string Id { get; set; } = null!;

        public string CustomerId { get; set; } = null!;
    }

    public class ShopContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Customer> Customers => Set<Customer>();

        public DbSet<Order> Orders => Set<Order>();

        public DbSet<OrderLine> Lines => Set<OrderLine>();

        public DbSet<Payment> Payments => Set<Payment>();

        public DbSet<Review> Reviews => Set<Review>();

        public DbSet<Note> Notes => Set<Note>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Customer>(c =>
            {
                c.ToDynamoTable("shop");
                c.HasPartitionKey(x => x.Id);
                c.HasSortKey(x => x.Sk);
                c.Property(x => x.Id).HasAttributeName("PK");
                c.Property(x => x.Sk).HasAttributeName("SK");
                c.HasMany(x => x.Orders).WithOne(o => o.Customer).HasForeignKey(o => o.CustomerId).HasPrincipalKey(x => x.Id);
                c.HasMany(x => x.Reviews).WithOne().HasForeignKey(r => r.CustomerId).HasPrincipalKey(x => x.Id);
                c.HasMany(x => x.Notes).WithOne().HasForeignKey(n => n.CustomerId).HasPrincipalKey(x => x.Id);
                c.HasMany(x => x.Payments).WithOne().HasForeignKey(p => p.CustomerId).HasPrincipalKey(x => x.Id);
            });
            modelBuilder.Entity<Order>(o =>
            {
                o.ToDynamoTable("shop");
                o.HasPartitionKey(x => x.CustomerId);
                o.HasSortKey(x => x.Sk);
                o.Property(x => x.CustomerId).HasAttributeName("PK");
                o.Property(x => x.Sk).HasAttributeName("SK");
                o.HasMany(x => x.Lines).WithOne(l => l.Order).HasForeignKey(l => new { l.CustomerId, l.OrderSk });
            });
            modelBuilder.Entity<OrderLine>(l =>
            {
                l.ToDynamoTable("shop");
                l.HasPartitionKey(x => x.CustomerId);
                l.HasSortKey(x => x.Sk);
                l.Property(x => x.CustomerId).HasAttributeName("PK");
                l.Property(x => x.Sk).HasAttributeName("SK");
            });
            modelBuilder.Entity<Payment>(p =>
            {
                p.ToDynamoTable("shop");
                p.HasPartitionKey(x => x.CustomerId);
                p.HasSortKey(x => x.Sk);
                p.Property(x => x.CustomerId).HasAttributeName("PK");
                p.Property(x => x.Sk).HasAttributeName("SK");
                p.HasQueryFilter(x => !x.Voided);
            });
            modelBuilder.Entity<Review>(r =>
            {
                r.ToDynamoTable("reviews");
                r.HasGlobalSecondaryIndex("ByCustomer", x => x.CustomerId);
            });
            modelBuilder.Entity<Note>().ToDynamoTable("notes");
        }
    }

    public class Fixture() : DynamoDbFixture<ShopContext>("colinclude", options => new ShopContext(options))
    {
        protected override Task SeedAsync(ShopContext context)
        {
            context.Customers.AddRange(
                new Customer { Id = "c1", Name = "Ann", Region = "north" },
                new Customer { Id = "c2", Name = "Bob", Region = "north" },
                new Customer { Id = "c3", Name = "Cy", Region = "south" });
            context.Customers.AddRange(Enumerable.Range(0, 30).Select(i => new Customer { Id = $"m{i}", Name = $"Many {i}", Region = "many" }));
            context.Orders.AddRange(
                new Order { CustomerId = "c1", Sk = "ORDER#o1", Number = "o1" },
                new Order { CustomerId = "c1", Sk = "ORDER#o2", Number = "o2" },
                new Order { CustomerId = "c1", Sk = "ORDER#o3", Number = "o3" },
                new Order { CustomerId = "c3", Sk = "ORDER#o4", Number = "o4" });
            context.Lines.AddRange(
                new OrderLine { CustomerId = "c1", Sk = "LINE#o1#1", OrderSk = "ORDER#o1", Product = "apple" },
                new OrderLine { CustomerId = "c1", Sk = "LINE#o1#2", OrderSk = "ORDER#o1", Product = "pear" },
                new OrderLine { CustomerId = "c1", Sk = "LINE#o2#1", OrderSk = "ORDER#o2", Product = "plum" },

                // A line of no order read: ThenInclude never materializes it.
                new OrderLine { CustomerId = "c1", Sk = "LINE#gone#1", OrderSk = "ORDER#gone", Product = "lost" });
            context.Payments.AddRange(
                new Payment { CustomerId = "c1", Sk = "PAY#1", Amount = 10m },
                new Payment { CustomerId = "c1", Sk = "PAY#2", Amount = 20m, Voided = true });
            context.Reviews.AddRange(
                new Review { Id = "r1", CustomerId = "c1", Text = "good" },
                new Review { Id = "r2", CustomerId = "c1", Text = "fine" },
                new Review { Id = "r3", CustomerId = "c2", Text = "great" });
            return context.SaveChangesAsync();
        }
    }
}

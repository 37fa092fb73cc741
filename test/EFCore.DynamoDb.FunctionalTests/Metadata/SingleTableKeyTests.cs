using System.Globalization;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Metadata;

/// <summary>
///     Issue 12's single-table model: customers, orders and order lines in one table <c>Shop</c> keyed on <c>PK</c>/<c>SK</c>.
///     A customer's item sits in its own partition under the constant sort key <c>PROFILE</c>, outside its EF key; orders
///     and lines under prefixed composites (<c>ORDER#…</c>, <c>LINE#…</c>). Every read and write addresses items by the
///     full table key; items of another type at a key are not found.
/// </summary>
public class SingleTableKeyTests : IClassFixture<SingleTableKeyTests.Fixture>
{
    private static readonly DateTime May1 = new(2026, 5, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime June1 = new(2026, 6, 1, 10, 0, 0, DateTimeKind.Utc);

    // The sort key of c1's second order, which its lines' foreign key holds.
    private const string SecondOfMay1 = "ORDER#2026-05-01T10:00:00.0000000Z#2";

    private readonly Fixture _fixture;

    public SingleTableKeyTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private RequestRecorder Recorder => _fixture.Store.Recorder;

    [Fact]
    public async Task An_insert_writes_the_constant_sort_key_and_never_replaces_an_item()
    {
        await using (var db = _fixture.CreateContext())
        {
            db.Customers.Add(new Customer { Id = "new", Name = "Nia" });
            await db.SaveChangesAsync();
        }

        var put = Assert.Single(Recorder.Requests);
        Assert.Equal("PutItem", put.Operation);
        var raw = await _fixture.GetRawItemAsync("Shop", Key("new", "PROFILE"));
        Assert.Equal(("Nia", "Customer"), (raw["Name"].S, raw["Discriminator"].S));

        Recorder.Clear();
        await using (var db = _fixture.CreateContext())
        {
            db.Customers.Add(new Customer { Id = "new", Name = "Again" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        // The failed condition is recorded as a failed request.
        Assert.Equal(["PutItem"], Recorder.Requests.Select(r => r.Operation));
        Assert.Equal("Nia", (await _fixture.GetRawItemAsync("Shop", Key("new", "PROFILE")))["Name"].S);
    }

    [Fact]
    public async Task Find_is_one_GetItem_of_the_full_table_key_and_a_second_Find_none()
    {
        await using var db = _fixture.CreateContext();

        var ann = await db.Customers.FindAsync("c1");
        var again = await db.Customers.FindAsync("c1");

        Assert.Equal("Ann", ann!.Name);
        Assert.Same(ann, again);
        Assert.Equal("PROFILE", db.Entry(ann).Property("SK").CurrentValue);
        var get = Assert.Single(Recorder.Requests);
        Assert.Equal("GetItem", get.Operation);
        Assert.StartsWith("Key: PK, SK", get.Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_lookups_in_Where_First_and_Single_are_each_one_GetItem()
    {
        using var db = _fixture.CreateContext();

        var byWhere = db.Customers.Where(c => c.Id == "c1").ToList();
        var first = db.Customers.AsNoTracking().First(c => c.Id == "c1");
        var single = db.Customers.AsNoTracking().SingleOrDefault(c => c.Id == "missing");

        Assert.Equal("Ann", Assert.Single(byWhere).Name);
        Assert.Equal("Ann", first.Name);
        Assert.Null(single);
        Assert.Equal(["GetItem", "GetItem", "GetItem"], Recorder.Operations);
    }

    [Fact]
    public async Task An_item_of_another_type_at_the_key_is_not_found_after_one_GetItem()
    {
        await using var db = _fixture.CreateContext();

        // The customer's own item sits at (c1, PROFILE): read as an order, it is not one.
        var order = await db.Orders.Where(o => o.CustomerId == "c1" && o.Sk == "PROFILE").FirstOrDefaultAsync();
        var line = await db.Lines.FindAsync("c1", "PROFILE");

        Assert.Null(order);
        Assert.Null(line);
        Assert.Equal(["GetItem", "GetItem"], Recorder.Operations);
    }

    [Fact]
    public async Task Keys_from_a_list_are_one_BatchGetItem_with_the_constant_sort_key()
    {
        await using var db = _fixture.CreateContext();
        string[] ids = ["c1", "c2", "nobody"];

        var customers = await db.Customers.Where(c => ids.Contains(c.Id)).ToListAsync();

        Assert.Equal(["Ann", "Bob"], customers.Select(c => c.Name).Order());
        var batch = Assert.Single(Recorder.Requests);
        Assert.Equal("BatchGetItem", batch.Operation);
        Assert.StartsWith("Keys: 3", batch.Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_and_delete_address_the_item_by_the_full_table_key_also_for_an_attached_stub()
    {
        await using (var db = _fixture.CreateContext())
        {
            db.Customers.AddRange(new Customer { Id = "u1", Name = "Uma" }, new Customer { Id = "u2", Name = "Ugo" });
            await db.SaveChangesAsync();
        }

        Recorder.Clear();
        await using (var db = _fixture.CreateContext())
        {
            var uma = (await db.Customers.FindAsync("u1"))!;
            uma.Name = "Uma B";
            var stub = new Customer { Id = "u2" };
            db.Attach(stub);
            stub.Name = "Ugo B";
            await db.SaveChangesAsync();
        }

        Assert.Equal(["GetItem", "TransactWriteItems"], Recorder.Operations);
        Assert.Equal("Uma B", (await _fixture.GetRawItemAsync("Shop", Key("u1", "PROFILE")))["Name"].S);
        Assert.Equal("Ugo B", (await _fixture.GetRawItemAsync("Shop", Key("u2", "PROFILE")))["Name"].S);

        await using (var db = _fixture.CreateContext())
        {
            var stub = new Customer { Id = "u2" };
            db.Update(stub);
            stub.Name = "Ugo C";
            await db.SaveChangesAsync();
            db.Remove(stub);
            await db.SaveChangesAsync();
        }

        Assert.Null(await _fixture.GetRawItemAsync("Shop", Key("u2", "PROFILE")));
    }

    [Fact]
    public async Task A_customer_and_its_order_are_one_transaction()
    {
        await using (var db = _fixture.CreateContext())
        {
            db.Customers.Add(new Customer { Id = "t1", Name = "Tia" });
            db.Orders.Add(new Order { CustomerId = "t1", Number = 1, PlacedAt = May1, Total = 10m });
            await db.SaveChangesAsync();
        }

        var transaction = Assert.Single(Recorder.Requests);
        Assert.Equal("TransactWriteItems", transaction.Operation);
        Assert.StartsWith("Items: 2", transaction.Expressions, StringComparison.Ordinal);
        Assert.NotEmpty(await _fixture.GetRawItemAsync("Shop", Key("t1", "PROFILE")));
        Assert.Equal(10m, decimal.Parse((await _fixture.GetRawItemAsync("Shop", Key("t1", "ORDER#2026-05-01T10:00:00.0000000Z#1")))["Total"].N, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ExecuteUpdate_and_ExecuteDelete_by_key_are_one_write_each()
    {
        await using (var db = _fixture.CreateContext())
        {
            db.Customers.Add(new Customer { Id = "x1", Name = "Xia" });
            await db.SaveChangesAsync();
        }

        Recorder.Clear();
        await using (var db = _fixture.CreateContext())
        {
            Assert.Equal(1, await db.Customers.Where(c => c.Id == "x1").ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, "Xia B")));
            Assert.Equal("Xia B", (await _fixture.GetRawItemAsync("Shop", Key("x1", "PROFILE")))["Name"].S);
            Recorder.Clear();

            // No customer at the partition of another customer's order: the discriminator is part of the condition.
            Assert.Equal(0, await db.Orders.Where(o => o.CustomerId == "x1" && o.Sk == "PROFILE").ExecuteDeleteAsync());
            Assert.Equal(1, await db.Customers.Where(c => c.Id == "x1").ExecuteDeleteAsync());
        }

        Assert.Equal(["DeleteItem", "DeleteItem"], Recorder.Requests.Select(r => r.Operation));
        Assert.Null(await _fixture.GetRawItemAsync("Shop", Key("x1", "PROFILE")));
    }

    [Fact]
    public async Task A_customers_orders_are_one_Query_that_begins_with_the_orders_prefix()
    {
        await using var db = _fixture.CreateContext();

        var orders = await db.Orders.Where(o => o.CustomerId == "c1").ToListAsync();

        Assert.Equal([1, 2, 3], orders.Select(o => o.Number));
        var query = Assert.Single(Recorder.Requests);
        Assert.Equal("Query", query.Operation);
        Assert.Contains("KeyCondition: #n0 = :v0 AND begins_with(#n1, :v1)", query.Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Equalities_on_the_leading_components_and_StartsWith_are_sort_key_conditions()
    {
        await using var db = _fixture.CreateContext();

        var inMay = await db.Orders.Where(o => o.CustomerId == "c1" && o.PlacedAt == May1).ToListAsync();
        var inJune = await db.Orders.Where(o => o.CustomerId == "c1" && o.Sk.StartsWith("ORDER#2026-06")).ToListAsync();
        var latest = await db.Orders.Where(o => o.CustomerId == "c1").OrderByDescending(o => o.Sk).FirstAsync();
        var lines = await db.Lines.Where(l => l.CustomerId == "c1" && l.OrderNumber == 2).ToListAsync();

        Assert.Equal([1, 2], inMay.Select(o => o.Number));
        Assert.Equal([3], inJune.Select(o => o.Number));
        Assert.Equal(3, latest.Number);
        Assert.Equal(["pen", "ink"], lines.Select(l => l.Product));
        Assert.Equal(["Query", "Query", "Query", "Query"], Recorder.Operations);
        Assert.All(Recorder.Requests, r => Assert.Contains("AND begins_with(#n1, :v1)", r.Expressions, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_order_by_its_full_key_is_one_GetItem()
    {
        await using var db = _fixture.CreateContext();

        var order = await db.Orders.FindAsync("c1", "ORDER#2026-06-01T10:00:00.0000000Z#3");

        Assert.Equal(30m, order!.Total);
        Assert.Equal(["GetItem"], Recorder.Operations);
    }

    [Fact]
    public async Task Include_of_the_customer_reads_it_by_partition_key_and_the_constant_sort_key()
    {
        await using var db = _fixture.CreateContext();

        var orders = await db.Orders.Where(o => o.CustomerId == "c2").Include(o => o.Customer).ToListAsync();

        Assert.Equal("Bob", Assert.Single(orders).Customer!.Name);
        Assert.Equal(["Query", "BatchGetItem"], Recorder.Operations);
    }

    [Fact]
    public async Task Include_of_a_customers_orders_is_one_Query_of_its_partition_beside_the_constant_sort_key()
    {
        await using var db = _fixture.CreateContext();

        var ann = await db.Customers.Include(c => c.Orders).SingleAsync(c => c.Id == "c1");
        var untracked = await db.Customers.AsNoTracking().Include(c => c.Orders).SingleAsync(c => c.Id == "c1");

        Assert.Equal([1, 2, 3], ann.Orders.Select(o => o.Number).Order());
        Assert.All(ann.Orders, o => Assert.Same(ann, o.Customer));
        Assert.True(db.Entry(ann).Collection(c => c.Orders).IsLoaded);
        Assert.Equal([1, 2, 3], untracked.Orders.Select(o => o.Number).Order());
        Assert.All(untracked.Orders, o => Assert.Same(untracked, o.Customer));
        Assert.Equal(["Query", "Query"], Recorder.Operations);
    }

    [Fact]
    public async Task ThenInclude_of_the_lines_is_the_same_one_Query_of_the_partition()
    {
        await using var db = _fixture.CreateContext();

        var ann = await db.Customers.Include(c => c.Orders).ThenInclude(o => o.Lines).SingleAsync(c => c.Id == "c1");
        var untracked = db.Customers.AsNoTracking().Include(c => c.Orders).ThenInclude(o => o.Lines).Single(c => c.Id == "c1");

        foreach (var customer in new[] { ann, untracked })
        {
            Assert.Equal([1, 2, 3], customer.Orders.Select(o => o.Number).Order());
            Assert.Empty(customer.Orders.Single(o => o.Number == 1).Lines);
            var second = customer.Orders.Single(o => o.Number == 2);
            Assert.Equal(["pen", "ink"], second.Lines.Select(l => l.Product));
            Assert.All(second.Lines, l => Assert.Same(second, l.Order));
            Assert.Equal("pad", Assert.Single(customer.Orders.Single(o => o.Number == 3).Lines).Product);
        }

        Assert.Equal(7, db.ChangeTracker.Entries().Count());
        Assert.Equal(["Query", "Query"], Recorder.Operations);
        Assert.All(Recorder.Requests, r => Assert.Contains("KeyCondition: #n0 = :v0; Filter: ((#n1 = :v1 OR #n1 = :v2) OR #n1 = :v3)", r.Expressions, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_ordered_include_keeps_its_order_with_a_Query_of_the_orders_after_the_customer()
    {
        await using var db = _fixture.CreateContext();

        var ann = await db.Customers.AsNoTracking().Include(c => c.Orders.OrderByDescending(o => o.Sk)).SingleAsync(c => c.Id == "c1");

        Assert.Equal([3, 2, 1], ann.Orders.Select(o => o.Number));
        Assert.Equal(["GetItem", "Query"], Recorder.Operations);
    }

    [Fact]
    public async Task Counting_customers_reads_only_customer_items()
    {
        await using var db = _fixture.CreateContext();

        Assert.Equal(0, await db.Customers.CountAsync(c => c.Name == "Nobody"));
        Assert.True(await db.Customers.AnyAsync(c => c.Id == "c2"));
        Assert.False(await db.Orders.AnyAsync(o => o.CustomerId == "c2" && o.Sk == "PROFILE"));
        Assert.Equal(["Scan", "GetItem", "GetItem"], Recorder.Operations);
    }

    private static Dictionary<string, AttributeValue> Key(string partitionKey, string sortKey)
        => new() { ["PK"] = new() { S = partitionKey }, ["SK"] = new() { S = sortKey } };

    public class Customer
    {
        public string Id { get; set; } = null!;

        public string Name { get; set; } = null!;

        public List<Order> Orders { get; } = [];
    }

    public class Order
    {
        public string CustomerId { get; set; } = null!;

        public string Sk { get; set; } = "";

        public int Number { get; set; }

        public DateTime PlacedAt { get; set; }

        public decimal Total { get; set; }

        public Customer? Customer { get; set; }

        public List<OrderLine> Lines { get; } = [];
    }

    public class OrderLine
    {
        public string CustomerId { get; set; } = null!;

        public string Sk { get; set; } = "";

        public int OrderNumber { get; set; }

        public int LineNumber { get; set; }

        public string OrderSk { get; set; } = null!;

        public string Product { get; set; } = null!;

        public Order? Order { get; set; }
    }

    public class ShopContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Customer> Customers => Set<Customer>();

        public DbSet<Order> Orders => Set<Order>();

        public DbSet<OrderLine> Lines => Set<OrderLine>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Customer>(customer =>
            {
                customer.ToDynamoTable("Shop");
                customer.HasPartitionKey(c => c.Id);
                customer.Property(c => c.Id).HasAttributeName("PK");
                customer.HasConstantSortKey("SK", "PROFILE");
            });
            modelBuilder.Entity<Order>(order =>
            {
                order.ToDynamoTable("Shop");
                order.HasPartitionKey(o => o.CustomerId);
                order.HasSortKey(o => o.Sk);
                order.Property(o => o.CustomerId).HasAttributeName("PK");
                order.Property(o => o.Sk).HasAttributeName("SK");
                order.HasComposite(o => o.Sk, o => o.PlacedAt, o => o.Number).HasSeparator("#").HasPrefix("ORDER#");
                order.HasOne(o => o.Customer).WithMany(c => c.Orders).HasForeignKey(o => o.CustomerId);
                order.HasMany(o => o.Lines).WithOne(l => l.Order).HasForeignKey(l => new { l.CustomerId, l.OrderSk });
            });
            modelBuilder.Entity<OrderLine>(line =>
            {
                line.ToDynamoTable("Shop");
                line.HasPartitionKey(l => l.CustomerId);
                line.HasSortKey(l => l.Sk);
                line.Property(l => l.CustomerId).HasAttributeName("PK");
                line.Property(l => l.Sk).HasAttributeName("SK");
                line.HasComposite(l => l.Sk, l => l.OrderNumber, l => l.LineNumber).HasSeparator("#").HasPrefix("LINE#");
            });
        }
    }

    public class Fixture() : DynamoDbFixture<ShopContext>("single", options => new ShopContext(options))
    {
        protected override async Task SeedAsync(ShopContext context)
        {
            context.Customers.AddRange(new Customer { Id = "c1", Name = "Ann" }, new Customer { Id = "c2", Name = "Bob" });
            context.Orders.AddRange(
                new Order { CustomerId = "c1", Number = 1, PlacedAt = May1, Total = 10m },
                new Order { CustomerId = "c1", Number = 2, PlacedAt = May1, Total = 20m },
                new Order { CustomerId = "c1", Number = 3, PlacedAt = June1, Total = 30m },
                new Order { CustomerId = "c2", Number = 1, PlacedAt = May1, Total = 5m });
            context.Lines.AddRange(
                new OrderLine { CustomerId = "c1", OrderNumber = 2, LineNumber = 1, OrderSk = SecondOfMay1, Product = "pen" },
                new OrderLine { CustomerId = "c1", OrderNumber = 2, LineNumber = 2, OrderSk = SecondOfMay1, Product = "ink" },
                new OrderLine { CustomerId = "c1", OrderNumber = 3, LineNumber = 1, OrderSk = "ORDER#2026-06-01T10:00:00.0000000Z#3", Product = "pad" });
            await context.SaveChangesAsync();
        }
    }
}

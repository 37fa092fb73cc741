using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Storage;

/// <summary>
///     Owned entities are maps inside their owner's item (nested ones nested), owned collections lists of maps, without
///     the owner's key or the ordinal keys; every change inside them rewrites their attribute in the owner's one write.
/// </summary>
public class OwnedTypesTests : IClassFixture<OwnedTypesTests.Fixture>
{
    private readonly Fixture _fixture;

    public OwnedTypesTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private RequestRecorder Recorder => _fixture.Store.Recorder;

    [Fact]
    public async Task Owned_entities_are_stored_as_maps_and_lists_of_maps_in_one_request()
    {
        var expected = Order.Create(NewId());
        await using (var db = _fixture.CreateContext())
        {
            db.Orders.Add(expected);
            Assert.Equal(5, await db.SaveChangesAsync());
        }

        Assert.Equal(["PutItem"], Recorder.Operations);
        var item = await _fixture.GetRawItemAsync(expected.Id);
        var shipTo = item["ShipTo"].M;
        Assert.Equal(["Geo", "Street"], shipTo.Keys.Order());
        Assert.Equal("1 Main St", shipTo["Street"].S);
        Assert.Equal(["Lat", "Lon"], shipTo["Geo"].M.Keys.Order());
        Assert.Equal("51.5", shipTo["Geo"].M["Lat"].N);
        Assert.False(item.ContainsKey("bill"));
        Assert.Equal(["A-1", "B-2"], item["Lines"].L.Select(l => l.M["Sku"].S));
        Assert.All(item["Lines"].L, l => Assert.Equal(["Quantity", "Sku"], l.M.Keys.Order()));
        Assert.Equal(["Id", "Lines", "ShipTo", "Title"], item.Keys.Order());
    }

    [Fact]
    public async Task Two_navigations_to_one_owned_type_each_store_their_own_nested_owned_entity()
    {
        var expected = Order.Create(NewId(), billTo: true);
        expected.BillTo!.Geo = new Geo { Lat = 53.9, Lon = -1.1 };
        await AddAsync(expected);

        var item = await _fixture.GetRawItemAsync(expected.Id);
        Assert.Equal("51.5", item["ShipTo"].M["Geo"].M["Lat"].N);
        Assert.Equal("53.9", item["bill"].M["Geo"].M["Lat"].N);
        await using var db = _fixture.CreateContext();
        Order.AssertEqual(expected, await db.Orders.AsNoTracking().SingleAsync(o => o.Id == expected.Id));
    }

    [Fact]
    public async Task Tracking_queries_materialize_and_track_owned_entities()
    {
        var expected = Order.Create(NewId());
        await AddAsync(expected);

        await using var db = _fixture.CreateContext();
        var order = await db.Orders.SingleAsync(o => o.Id == expected.Id);
        Order.AssertEqual(expected, order);
        Assert.Equal(EntityState.Unchanged, db.Entry(order.ShipTo).State);
        Assert.Equal(EntityState.Unchanged, db.Entry(order.ShipTo.Geo!).State);
        Assert.Equal([1, 2], order.Lines.Select(l => (int)db.Entry(l).Property("Id").CurrentValue!));
        Assert.Same(order, await db.Orders.SingleAsync(o => o.Id == expected.Id));
        Assert.Equal(2, order.Lines.Count);
        Assert.Same(order, await db.Orders.FindAsync(expected.Id));
        Assert.Equal(5, db.ChangeTracker.Entries().Count());
    }

    [Fact]
    public async Task No_tracking_queries_and_Find_materialize_owned_entities()
    {
        var expected = Order.Create(NewId(), billTo: true);
        await AddAsync(expected);

        await using (var db = _fixture.CreateContext())
        {
            var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == expected.Id);
            Order.AssertEqual(expected, order);
            Assert.Empty(db.ChangeTracker.Entries());
            Order.AssertEqual(expected, await db.Orders.AsNoTrackingWithIdentityResolution().SingleAsync(o => o.Id == expected.Id));
        }

        await using (var db = _fixture.CreateContext())
        {
            var order = (await db.Orders.FindAsync(expected.Id))!;
            Order.AssertEqual(expected, order);
            Assert.Equal(EntityState.Unchanged, db.Entry(order.BillTo!).State);
        }
    }

    [Fact]
    public async Task A_change_to_an_owned_property_is_one_update_of_its_attribute()
    {
        var id = await AddAsync(Order.Create(NewId()));
        await using (var db = _fixture.CreateContext())
        {
            var order = await db.Orders.SingleAsync(o => o.Id == id);
            order.ShipTo.Geo!.Lat = -33.9;
            Recorder.Clear();
            Assert.Equal(1, await db.SaveChangesAsync());

            var update = Assert.Single(Recorder.Requests);
            Assert.Equal("UpdateItem", update.Operation);
            Assert.Contains("SET #n0 = :v0", update.Expressions, StringComparison.Ordinal);
            Assert.DoesNotContain("REMOVE", update.Expressions, StringComparison.Ordinal);
            Assert.DoesNotContain(",", update.Expressions, StringComparison.Ordinal);
        }

        var item = await _fixture.GetRawItemAsync(id);
        Assert.Equal("-33.9", item["ShipTo"].M["Geo"].M["Lat"].N);
        Assert.Equal("1 Main St", item["ShipTo"].M["Street"].S);
    }

    [Fact]
    public async Task Owner_and_owned_changes_share_one_update()
    {
        var id = await AddAsync(Order.Create(NewId()));
        await using (var db = _fixture.CreateContext())
        {
            var order = await db.Orders.SingleAsync(o => o.Id == id);
            order.Title = "changed";
            order.ShipTo = new Address { Street = "9 New Rd" };
            order.BillTo = new Address { Street = "1 Bill St", City = "Leeds" };
            Recorder.Clear();
            await db.SaveChangesAsync();
            Assert.Equal(["UpdateItem"], Recorder.Operations);
        }

        await using (var db = _fixture.CreateContext())
        {
            var order = await db.Orders.SingleAsync(o => o.Id == id);
            Assert.Equal("changed", order.Title);
            Assert.Equal("9 New Rd", order.ShipTo.Street);
            Assert.Null(order.ShipTo.Geo);
            Assert.Equal("Leeds", order.BillTo!.City);
        }

        Assert.Equal("Leeds", (await _fixture.GetRawItemAsync(id))["bill"].M["City"].S);
    }

    [Fact]
    public async Task Adding_and_removing_owned_collection_elements_rewrites_the_list()
    {
        var id = await AddAsync(Order.Create(NewId()));
        await using (var db = _fixture.CreateContext())
        {
            var order = await db.Orders.SingleAsync(o => o.Id == id);
            order.Lines.RemoveAt(0);
            order.Lines.Add(new Line { Sku = "C-3", Quantity = 3 });
            order.Lines.Add(new Line { Sku = "D-4", Quantity = 4 });
            Recorder.Clear();
            await db.SaveChangesAsync();

            Assert.Equal(["UpdateItem"], Recorder.Operations);
            Assert.Equal([1, 2, 3], order.Lines.Select(l => (int)db.Entry(l).Property("Id").CurrentValue!));
            Assert.All(order.Lines, l => Assert.Equal(EntityState.Unchanged, db.Entry(l).State));

            order.Lines[1].Quantity = 30;
            Recorder.Clear();
            await db.SaveChangesAsync();
            Assert.Equal(["UpdateItem"], Recorder.Operations);
        }

        await using (var db = _fixture.CreateContext())
        {
            var order = await db.Orders.SingleAsync(o => o.Id == id);
            Assert.Equal([("B-2", 2), ("C-3", 30), ("D-4", 4)], order.Lines.Select(l => (l.Sku, l.Quantity)));
        }
    }

    [Fact]
    public async Task An_optional_owned_entity_set_to_null_is_removed()
    {
        var id = await AddAsync(Order.Create(NewId(), billTo: true));
        Assert.True((await _fixture.GetRawItemAsync(id)).ContainsKey("bill"));
        await using (var db = _fixture.CreateContext())
        {
            var order = await db.Orders.SingleAsync(o => o.Id == id);
            order.BillTo = null;
            Recorder.Clear();
            await db.SaveChangesAsync();
            Assert.Contains("REMOVE #n0", Assert.Single(Recorder.Requests).Expressions, StringComparison.Ordinal);
        }

        Assert.False((await _fixture.GetRawItemAsync(id)).ContainsKey("bill"));
        await using (var db = _fixture.CreateContext())
        {
            Assert.Null((await db.Orders.SingleAsync(o => o.Id == id)).BillTo);
        }
    }

    [Fact]
    public async Task Deleting_the_owner_is_one_delete()
    {
        var id = await AddAsync(Order.Create(NewId()));
        await using (var db = _fixture.CreateContext())
        {
            db.Orders.Remove(await db.Orders.SingleAsync(o => o.Id == id));
            Recorder.Clear();
            await db.SaveChangesAsync();
            Assert.Equal(["DeleteItem"], Recorder.Operations);
        }

        Assert.Empty(await _fixture.GetRawItemAsync(id));
    }

    [Fact]
    public async Task Invalid_owned_values_are_refused_before_any_request()
    {
        await using var db = _fixture.CreateContext();
        var order = Order.Create(NewId());
        order.Lines[1].Sku = new string('x', 21);
        db.Orders.Add(order);
        Recorder.Clear();

        await Assert.ThrowsAsync<System.ComponentModel.DataAnnotations.ValidationException>(() => db.SaveChangesAsync());
        Assert.Empty(Recorder.Operations);
    }

    private static string NewId() => $"order-{Guid.NewGuid():N}";

    private async Task<string> AddAsync(Order order)
    {
        await using var db = _fixture.CreateContext();
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order.Id;
    }

    public class Order
    {
        public string Id { get; set; } = null!;
        public string Title { get; set; } = "";
        public Address ShipTo { get; set; } = null!;
        public Address? BillTo { get; set; }
        public List<Line> Lines { get; set; } = [];

        public static Order Create(string id, bool billTo = false)
            => new()
            {
                Id = id,
                Title = "first",
                ShipTo = new Address { Street = "1 Main St", Geo = new Geo { Lat = 51.5, Lon = -0.1 } },
                BillTo = billTo ? new Address { Street = "2 Bill St", City = "York" } : null,
                Lines = [new Line { Sku = "A-1", Quantity = 1 }, new Line { Sku = "B-2", Quantity = 2 }]
            };

        public static void AssertEqual(Order expected, Order actual)
        {
            Assert.Equal(expected.Id, actual.Id);
            Assert.Equal(expected.Title, actual.Title);
            AssertEqual(expected.ShipTo, actual.ShipTo);
            if (expected.BillTo == null)
            {
                Assert.Null(actual.BillTo);
            }
            else
            {
                AssertEqual(expected.BillTo, actual.BillTo!);
            }

            Assert.Equal(expected.Lines.Select(l => (l.Sku, l.Quantity)), actual.Lines.Select(l => (l.Sku, l.Quantity)));
        }

        private static void AssertEqual(Address expected, Address actual)
        {
            Assert.Equal(expected.Street, actual.Street);
            Assert.Equal(expected.City, actual.City);
            Assert.Equal(expected.Geo?.Lat, actual.Geo?.Lat);
            Assert.Equal(expected.Geo?.Lon, actual.Geo?.Lon);
        }
    }

    public class Address
    {
        public string Street { get; set; } = "";
        public string? City { get; set; }
        public Geo? Geo { get; set; }
    }

    public class Geo
    {
        public double Lat { get; set; }
        public double Lon { get; set; }
    }

    public class Line
    {
        public string Sku { get; set; } = "";
        public int Quantity { get; set; }
    }

    public class Fixture() : DynamoDbFixture<OrderContext>("owned", options => new OrderContext(options))
    {
        public async Task<Dictionary<string, AttributeValue>> GetRawItemAsync(string id)
            => await GetRawItemAsync("Orders", new Dictionary<string, AttributeValue> { ["Id"] = new() { S = id } }) ?? [];
    }

    public class OrderContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Order> Orders => Set<Order>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<Order>(e =>
            {
                e.OwnsOne(o => o.ShipTo, a => a.OwnsOne(x => x.Geo));
                e.OwnsOne(o => o.BillTo, a =>
                {
                    a.ToAttribute("bill");
                    a.OwnsOne(x => x.Geo);
                });
                e.OwnsMany(o => o.Lines, l => l.Property(x => x.Sku).HasMaxLength(20));
            });
    }
}

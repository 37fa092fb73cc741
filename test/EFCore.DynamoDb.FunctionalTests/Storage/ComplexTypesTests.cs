using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Storage;

/// <summary>
///     Complex types are maps inside their entity's item (nested ones nested), complex collections lists of maps; a
///     change anywhere inside one rewrites its attribute in the entity's single UpdateItem.
/// </summary>
public class ComplexTypesTests : IClassFixture<ComplexTypesTests.Fixture>
{
    private readonly Fixture _fixture;

    public ComplexTypesTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private RequestRecorder Recorder => _fixture.Store.Recorder;

    [Fact]
    public async Task Complex_values_are_stored_as_maps_and_lists_of_maps()
    {
        var expected = Customer.Create(NewId());
        await using (var db = _fixture.CreateContext())
        {
            db.Customers.Add(expected);
            await db.SaveChangesAsync();
        }

        Assert.Equal(["PutItem"], Recorder.Operations);
        var item = await _fixture.GetRawItemAsync(expected.Id);
        var home = item["Home"].M;
        Assert.Equal("1 Main St", home["Street"].S);
        Assert.False(home.ContainsKey("City"));
        Assert.Equal("51.5", home["Geo"].M["Lat"].N);
        Assert.Equal(["garden"], home["Tags"].SS);
        Assert.False(item.ContainsKey("Work"));
        Assert.Equal(["555-1", "555-2"], item["Phones"].L.Select(p => p.M["Number"].S));
        Assert.Equal("2", item["Phones"].L[1].M["Kind"].N);

        await using (var db = _fixture.CreateContext())
        {
            Customer.AssertEqual(expected, await db.Customers.SingleAsync(c => c.Id == expected.Id));
            Assert.Equal(EntityState.Unchanged, db.Entry(await db.Customers.SingleAsync(c => c.Id == expected.Id)).State);
        }

        await using (var db = _fixture.CreateContext())
        {
            Customer.AssertEqual(expected, (await db.Customers.FindAsync(expected.Id))!);
            Customer.AssertEqual(expected, await db.Customers.AsNoTracking().SingleAsync(c => c.Id == expected.Id));
        }
    }

    [Fact]
    public async Task A_change_inside_a_nested_complex_value_rewrites_its_attribute()
    {
        var id = await AddAsync();
        await using (var db = _fixture.CreateContext())
        {
            var customer = await db.Customers.SingleAsync(c => c.Id == id);
            customer.Home.Geo.Lat = -33.9;
            customer.Home.Tags.Add("pool");
            customer.Work = new Address { Street = "2 Office Rd", City = "Leeds" };
            Recorder.Clear();
            await db.SaveChangesAsync();

            var update = Assert.Single(Recorder.Requests);
            Assert.Equal("UpdateItem", update.Operation);
            Assert.Contains("SET #n0 = :v0, #n1 = :v1", update.Expressions, StringComparison.Ordinal);
            Assert.DoesNotContain("Phones", update.Expressions, StringComparison.Ordinal);
        }

        await using (var db = _fixture.CreateContext())
        {
            var customer = await db.Customers.SingleAsync(c => c.Id == id);
            Assert.Equal(-33.9, customer.Home.Geo.Lat);
            Assert.Equal(["garden", "pool"], customer.Home.Tags.Order());
            Assert.Equal("Leeds", customer.Work!.City);
        }
    }

    [Fact]
    public async Task Changes_inside_a_complex_collection_rewrite_the_list()
    {
        var id = await AddAsync();
        await using (var db = _fixture.CreateContext())
        {
            var customer = await db.Customers.SingleAsync(c => c.Id == id);
            customer.Phones[0].Number = "555-9";
            customer.Phones.Add(new Phone { Number = "555-3", Kind = 3 });
            Recorder.Clear();
            await db.SaveChangesAsync();

            Assert.Equal(["UpdateItem"], Recorder.Operations);
        }

        await using (var db = _fixture.CreateContext())
        {
            var customer = await db.Customers.SingleAsync(c => c.Id == id);
            Assert.Equal(["555-9", "555-2", "555-3"], customer.Phones.Select(p => p.Number));
        }
    }

    [Fact]
    public async Task A_change_to_one_element_of_a_complex_collection_is_detected()
    {
        var id = await AddAsync();
        await using (var db = _fixture.CreateContext())
        {
            var customer = await db.Customers.SingleAsync(c => c.Id == id);
            customer.Phones[1].Kind = 7;
            await db.SaveChangesAsync();
        }

        await using (var db = _fixture.CreateContext())
        {
            Assert.Equal(7, (await db.Customers.SingleAsync(c => c.Id == id)).Phones[1].Kind);
        }
    }

    [Fact]
    public async Task An_optional_complex_value_set_to_null_is_removed()
    {
        var id = await AddAsync(c => c.Work = new Address { Street = "w" });
        await using (var db = _fixture.CreateContext())
        {
            var customer = await db.Customers.SingleAsync(c => c.Id == id);
            Assert.Equal("w", customer.Work!.Street);
            customer.Work = null;
            Recorder.Clear();
            await db.SaveChangesAsync();
            Assert.Contains("REMOVE #n0", Assert.Single(Recorder.Requests).Expressions, StringComparison.Ordinal);
        }

        Assert.False((await _fixture.GetRawItemAsync(id)).ContainsKey("Work"));
        await using (var db = _fixture.CreateContext())
        {
            Assert.Null((await db.Customers.SingleAsync(c => c.Id == id)).Work);
        }
    }

    private static string NewId() => $"customer-{Guid.NewGuid():N}";

    private async Task<string> AddAsync(Action<Customer>? configure = null)
    {
        var customer = Customer.Create(NewId());
        configure?.Invoke(customer);
        await using var db = _fixture.CreateContext();
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return customer.Id;
    }

    public class Customer
    {
        public string Id { get; set; } = null!;
        public Address Home { get; set; } = new();
        public Address? Work { get; set; }
        public List<Phone> Phones { get; set; } = [];

        public static Customer Create(string id)
            => new()
            {
                Id = id,
                Home = new Address { Street = "1 Main St", Geo = new Geo { Lat = 51.5, Lon = -0.1 }, Tags = ["garden"] },
                Phones = [new Phone { Number = "555-1", Kind = 1 }, new Phone { Number = "555-2", Kind = 2 }]
            };

        public static void AssertEqual(Customer expected, Customer actual)
        {
            Assert.Equal(expected.Id, actual.Id);
            AssertEqual(expected.Home, actual.Home);
            if (expected.Work == null)
            {
                Assert.Null(actual.Work);
            }
            else
            {
                AssertEqual(expected.Work, actual.Work!);
            }

            Assert.Equal(expected.Phones.Select(p => (p.Number, p.Kind)), actual.Phones.Select(p => (p.Number, p.Kind)));
        }

        private static void AssertEqual(Address expected, Address actual)
        {
            Assert.Equal(expected.Street, actual.Street);
            Assert.Equal(expected.City, actual.City);
            Assert.Equal(expected.Geo.Lat, actual.Geo.Lat);
            Assert.Equal(expected.Geo.Lon, actual.Geo.Lon);
            Assert.Equal(expected.Tags.Order(), actual.Tags.Order());
        }
    }

    public class Address
    {
        public string Street { get; set; } = "";
        public string? City { get; set; }
        public Geo Geo { get; set; } = new();
        public HashSet<string> Tags { get; set; } = [];
    }

    public class Geo
    {
        public double Lat { get; set; }
        public double Lon { get; set; }
    }

    public class Phone
    {
        public string Number { get; set; } = "";
        public int Kind { get; set; }
    }

    public class Fixture() : DynamoDbFixture<CustomerContext>("complex", options => new CustomerContext(options))
    {
        public Task<Dictionary<string, AttributeValue>> GetRawItemAsync(string id)
            => GetRawItemAsync("Customers", new Dictionary<string, AttributeValue> { ["Id"] = new() { S = id } });
    }

    public class CustomerContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Customer> Customers => Set<Customer>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<Customer>(e =>
            {
                e.ComplexProperty(c => c.Home, a => a.ComplexProperty(x => x.Geo));
                e.ComplexProperty(c => c.Work, a => a.ComplexProperty(x => x.Geo));
                e.ComplexCollection(c => c.Phones);
            });
    }
}

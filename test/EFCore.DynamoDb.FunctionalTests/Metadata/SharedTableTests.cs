using Microsoft.EntityFrameworkCore.Diagnostics;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Metadata;

/// <summary>A TPH hierarchy in one table, and unrelated types sharing a table (single-table design).</summary>
public class SharedTableTests : IClassFixture<SharedTableTests.Fixture>
{
    private readonly Fixture _fixture;

    public SharedTableTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    [Fact]
    public async Task A_hierarchy_is_stored_in_its_root_table_with_a_discriminator()
    {
        await using (var db = _fixture.CreateContext())
        {
            db.Vehicles.AddRange(
                new Car { Owner = "h1", Plate = "AA-1", Seats = 5 },
                new Truck { Owner = "h1", Plate = "TT-1", Payload = 12.5m },
                new Vehicle { Owner = "h1", Plate = "VV-1" });
            await db.SaveChangesAsync();
        }

        Assert.All(_fixture.Store.Recorder.Requests, r => Assert.Equal(_fixture.Store.TablePrefix + "app", r.TableName));
        var raw = await _fixture.GetRawItemAsync("app", new() { ["PK"] = new() { S = "h1" }, ["SK"] = new() { S = "TT-1" } });
        Assert.Equal("Truck", raw["Discriminator"].S);

        await using (var db = _fixture.CreateContext())
        {
            var vehicles = await db.Vehicles.Where(v => v.Owner == "h1").ToListAsync();
            Assert.Equal(["Car", "Truck", "Vehicle"], vehicles.Select(v => v.GetType().Name).Order());
            Assert.Equal(12.5m, vehicles.OfType<Truck>().Single().Payload);

            var trucks = await db.Set<Truck>().Where(t => t.Owner == "h1").ToListAsync();
            Assert.Equal("TT-1", Assert.Single(trucks).Plate);

            var cars = await db.Vehicles.Where(v => v.Owner == "h1").OfType<Car>().ToListAsync();
            Assert.Equal(5, Assert.Single(cars).Seats);
        }
    }

    [Fact]
    public async Task Unrelated_types_share_a_table_and_each_query_returns_only_its_type()
    {
        await using (var db = _fixture.CreateContext())
        {
            db.Customers.Add(new Customer { Id = "s1", Sort = "profile", Name = "Ann" });
            db.Vehicles.Add(new Car { Owner = "s1", Plate = "CC-1", Seats = 2 });
            await db.SaveChangesAsync();
        }

        await using (var db = _fixture.CreateContext())
        {
            var customers = await db.Customers.Where(c => c.Id == "s1").ToListAsync();
            var vehicles = await db.Vehicles.Where(v => v.Owner == "s1").ToListAsync();

            Assert.Equal("Ann", Assert.Single(customers).Name);
            Assert.Equal("CC-1", Assert.Single(vehicles).Plate);
            Assert.Equal(1, await db.Customers.CountAsync());
            Assert.Null(await db.Customers.FindAsync("s1", "CC-1"));
        }

        var raw = await _fixture.GetRawItemAsync("app", new() { ["PK"] = new() { S = "s1" }, ["SK"] = new() { S = "profile" } });
        Assert.Equal("Customer", raw["Discriminator"].S);
    }

    [Fact]
    public async Task EnsureCreated_creates_the_indexes_of_every_type_sharing_the_table()
    {
        // Customer comes first in the model; the index is Vehicle's.
        var table = (await _fixture.CreateContext().Database.GetDynamoClient().DescribeTableAsync(_fixture.Store.TablePrefix + "app")).Table;
        Assert.Equal("color-index", Assert.Single(table.GlobalSecondaryIndexes).IndexName);

        await using (var db = _fixture.CreateContext())
        {
            db.Vehicles.AddRange(new Car { Owner = "i1", Plate = "RR-1", Color = "red" }, new Truck { Owner = "i2", Plate = "BB-1", Color = "blue" });
            await db.SaveChangesAsync();
        }

        _fixture.Store.Recorder.Clear();
        await using (var db = _fixture.CreateContext())
        {
            var red = await db.Vehicles.Where(v => v.Color == "red").ToListAsync();

            Assert.Equal("RR-1", Assert.Single(red).Plate);
            var query = Assert.Single(_fixture.Store.Recorder.Requests, r => r.EventId == DynamoDbEventId.RequestExecuted);
            Assert.Equal(("Query", "color-index"), (query.Operation, query.IndexName));
        }
    }

    public class Vehicle
    {
        public string Owner { get; set; } = null!;

        public string Plate { get; set; } = null!;

        public string? Color { get; set; }
    }

    public class Car : Vehicle
    {
        public int Seats { get; set; }
    }

    public class Truck : Vehicle
    {
        public decimal Payload { get; set; }
    }

    public class Customer
    {
        public string Id { get; set; } = null!;

        public string Sort { get; set; } = null!;

        public string Name { get; set; } = null!;
    }

    public class AppContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Vehicle> Vehicles => Set<Vehicle>();

        public DbSet<Customer> Customers => Set<Customer>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Vehicle>(v =>
            {
                v.ToDynamoTable("app");
                v.HasPartitionKey(x => x.Owner);
                v.HasSortKey(x => x.Plate);
                v.Property(x => x.Owner).HasAttributeName("PK");
                v.Property(x => x.Plate).HasAttributeName("SK");
                v.HasGlobalSecondaryIndex("color-index", x => x.Color);
            });
            modelBuilder.Entity<Car>();
            modelBuilder.Entity<Truck>();
            modelBuilder.Entity<Customer>(c =>
            {
                c.ToDynamoTable("app");
                c.HasPartitionKey(x => x.Id);
                c.HasSortKey(x => x.Sort);
                c.Property(x => x.Id).HasAttributeName("PK");
                c.Property(x => x.Sort).HasAttributeName("SK");
            });
        }
    }

    public class Fixture() : DynamoDbFixture<AppContext>("shared", options => new AppContext(options));
}

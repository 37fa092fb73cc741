using EFCore.DynamoDb.FunctionalTests.Metadata;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>FromPartiQL in a table several entity types share: only the queried type's items are returned.</summary>
public class FromPartiQLSharedTableTests : IClassFixture<FromPartiQLSharedTableTests.Fixture>
{
    private readonly Fixture _fixture;

    public FromPartiQLSharedTableTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    [Fact]
    public async Task A_plain_SELECT_gets_the_discriminator_condition_joined_to_it()
    {
        await using var db = _fixture.CreateContext();

        var customers = await db.Customers.FromPartiQL($"SELECT * FROM {db.Customers} WHERE PK = {"p1"}").ToListAsync();

        Assert.Equal("Ann", Assert.Single(customers).Name);
        Assert.Contains("WHERE (PK = ?) AND (\"Discriminator\" = ?)", Assert.Single(_fixture.Store.Recorder.Requests).Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_statement_that_takes_no_condition_has_the_other_types_items_dropped_after_the_read()
    {
        await using var db = _fixture.CreateContext();

        var customers = await db.Customers.FromPartiQL($"SELECT * FROM {db.Customers} WHERE PK = {"p1"} ORDER BY SK DESC").ToListAsync();
        var cars = await db.Vehicles.FromPartiQL($"SELECT * FROM {db.Vehicles} WHERE PK = {"p1"} ORDER BY SK DESC").ToListAsync();

        Assert.Equal("Ann", Assert.Single(customers).Name);
        Assert.Equal(["Truck", "Car"], cars.Select(c => c.GetType().Name));
        Assert.Equal(2, _fixture.Store.Recorder.Requests.Count);
    }

    [Fact]
    public async Task Size_of_a_string_is_written_as_PartiQL_s_size()
    {
        await using var db = _fixture.CreateContext();

        var customers = await db.Customers.FromPartiQL($"SELECT * FROM {db.Customers} WHERE PK = {"p1"}").Where(c => c.Name.Length == 3).ToListAsync();

        Assert.Equal("Ann", Assert.Single(customers).Name);
        Assert.Contains("size(\"Name\") = ?", Assert.Single(_fixture.Store.Recorder.Requests).Expressions, StringComparison.Ordinal);
    }

    public class Fixture() : TestUtilities.DynamoDbFixture<SharedTableTests.AppContext>("partiql-shared", options => new SharedTableTests.AppContext(options))
    {
        protected override Task SeedAsync(SharedTableTests.AppContext context)
        {
            context.Customers.Add(new SharedTableTests.Customer { Id = "p1", Sort = "profile", Name = "Ann" });
            context.Vehicles.AddRange(
                new SharedTableTests.Car { Owner = "p1", Plate = "CC-1", Seats = 2 },
                new SharedTableTests.Truck { Owner = "p1", Plate = "TT-1", Payload = 3 });
            return context.SaveChangesAsync();
        }
    }
}

using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Northwind;

/// <summary>The Northwind tables, created and seeded once for every Northwind test class.</summary>
public class NorthwindFixture : IAsyncLifetime
{
    public DynamoDbTestStore Store { get; } = new("northwind");

    public NorthwindContext CreateContext(Action<Microsoft.EntityFrameworkCore.Infrastructure.DynamoDbContextOptionsBuilder>? configure = null)
        => new(Store.CreateOptions<NorthwindContext>(configure));

    public async Task InitializeAsync()
    {
        await using (var context = CreateContext())
        {
            await context.Database.EnsureCreatedAsync();
        }

        var data = NorthwindData.Instance;
        var items = data.Customers.Cast<object>().Concat(data.Orders).Concat(data.Products).ToList();
        foreach (var chunk in items.Chunk(100))
        {
            // Fresh copies, so that the seed data the tests compare with is never tracked or changed.
            await using var context = CreateContext();
            context.AddRange(chunk.Select(Copy));
            await context.SaveChangesAsync();
        }

        Store.Recorder.Clear();
    }

    public async Task DisposeAsync()
    {
        await using var context = CreateContext();
        await context.Database.EnsureDeletedAsync();
    }

    private static object Copy(object entity)
        => entity switch
        {
            Customer c => new Customer
            {
                CustomerId = c.CustomerId, CompanyName = c.CompanyName, ContactName = c.ContactName, City = c.City, Country = c.Country,
                Region = c.Region, Phone = c.Phone
            },
            Order o => new Order
            {
                CustomerId = o.CustomerId, OrderDate = o.OrderDate, OrderId = o.OrderId, EmployeeId = o.EmployeeId, Freight = o.Freight,
                ShipCity = o.ShipCity, ShipCountry = o.ShipCountry, ShippedDate = o.ShippedDate, ShipVia = o.ShipVia
            },
            Product p => new Product
            {
                ProductId = p.ProductId, ProductName = p.ProductName, UnitPrice = p.UnitPrice, UnitsInStock = p.UnitsInStock,
                Discontinued = p.Discontinued, CategoryId = p.CategoryId
            },
            _ => throw new InvalidOperationException(entity.GetType().Name)
        };
}

[CollectionDefinition(Name)]
public class NorthwindTestGroup : ICollectionFixture<NorthwindFixture>
{
    public const string Name = "Northwind";
}

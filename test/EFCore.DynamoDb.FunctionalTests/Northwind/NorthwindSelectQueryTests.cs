using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Northwind;

/// <summary>Select: scalars, anonymous types, DTOs and computed members, read through a ProjectionExpression.</summary>
public class NorthwindSelectQueryTests(NorthwindFixture fixture) : NorthwindQueryTestBase(fixture)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Select_scalar_string(bool async)
    {
        await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.City == "Berlin").Select(c => c.ContactName));

        Assert.Contains("Projection:", SingleRequestExpressions(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Select_scalar_decimal_in_sort_key_order(bool async)
        => await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.CustomerId == "C007").Select(o => o.Freight), assertOrder: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Select_scalar_date_key(bool async)
        => await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.CustomerId == "C008").Select(o => o.OrderDate), assertOrder: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Select_nullable_date(bool async)
        => await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.CustomerId == "C014").Select(o => o.ShippedDate), assertOrder: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Select_nullable_string(bool async)
        => await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.Country == "USA" || c.Country == "Canada").Select(c => c.Region));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Select_enum(bool async)
        => await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.CustomerId == "C022").Select(o => o.ShipVia), assertOrder: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Select_bool_and_short(bool async)
        => await AssertQuery(async, ss => ss.Entities<Product>().Where(p => p.CategoryId == 2).Select(p => new { p.Discontinued, p.UnitsInStock }));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Select_anonymous_type(bool async)
    {
        await AssertQuery(
            async,
            ss => ss.Entities<Customer>().Where(c => c.Country == "France").Select(c => new { c.CustomerId, c.CompanyName, c.Phone }));

        Assert.Matches(@"Projection: #n\d+, #n\d+, #n\d+", SingleRequestExpressions());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Select_anonymous_type_with_renamed_and_key_members(bool async)
        => await AssertQuery(
            async,
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C033").Select(o => new { Id = o.OrderId, Customer = o.CustomerId, When = o.OrderDate }),
            assertOrder: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Select_DTO_constructor(bool async)
        => await AssertQuery(
            async,
            ss => ss.Entities<Product>().Where(p => p.UnitPrice > 80m).Select(p => new ProductSummary(p.ProductId, p.ProductName, p.UnitPrice)));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Select_DTO_member_initializer(bool async)
        => await AssertQuery(
            async,
            ss => ss.Entities<Customer>().Where(c => c.City == "Seattle").Select(c => new CustomerView { Id = c.CustomerId, Name = c.CompanyName, Region = c.Region }));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Select_computed_arithmetic(bool async)
        => await AssertQuery(
            async,
            ss => ss.Entities<Product>().Where(p => p.CategoryId == 4).Select(p => new { p.ProductId, StockValue = p.UnitPrice * p.UnitsInStock }));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Select_computed_string_concatenation(bool async)
        => await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.Region != null).Select(c => c.City + ", " + c.Region + " " + c.Country));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Select_coalesce_and_conditional(bool async)
        => await AssertQuery(
            async,
            ss => ss.Entities<Customer>().Where(c => c.Country == "USA" || c.Country == "Germany")
                .Select(c => new { Region = c.Region ?? "(none)", Big = c.Country == "USA" ? "yes" : "no" }));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Select_date_parts_and_differences(bool async)
        => await AssertQuery(
            async,
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C044")
                .Select(o => new { o.OrderDate.Year, o.OrderDate.Month, Days = o.ShippedDate.HasValue ? (o.ShippedDate.Value - o.OrderDate).Days : -1 }),
            assertOrder: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Select_client_method_call(bool async)
        => await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.City == "Bern").Select(c => c.CompanyName.ToUpperInvariant()));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Select_captured_variable(bool async)
    {
        foreach (var rate in new[] { 1.2m, 0.5m })
        {
            // The compiled query is reused: each execution reads the variable's current value.
            await AssertQuery(
                async,
                ss => ss.Entities<Order>().Where(o => o.CustomerId == "C052").Select(o => new { o.OrderId, Gross = o.Freight * rate }),
                assertOrder: true);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Select_enum_ToString_and_cast(bool async)
        => await AssertQuery(
            async,
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C060").Select(o => new { Name = o.ShipVia.ToString(), Number = (int)o.ShipVia }),
            assertOrder: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Select_with_filter_on_attribute_not_projected(bool async)
        => await AssertQuery(
            async,
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C061" && o.EmployeeId > 4).Select(o => o.OrderId),
            assertOrder: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Select_through_a_global_index(bool async)
    {
        await AssertQuery(
            async,
            ss => ss.Entities<Product>().Where(p => p.CategoryId == 6 && p.UnitPrice < 50m).Select(p => new { p.ProductName, p.UnitPrice }));

        AssertRequests(("Query", "category-index"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Select_entity_and_member_tracks_the_entity(bool async)
    {
        await using var context = CreateContext();
        var query = context.Customers.Where(c => c.City == "Luleå").Select(c => new { Customer = c, c.Phone });

        var results = async ? await query.ToListAsync() : query.ToList();

        var expected = Data.Customers.Where(c => c.City == "Luleå").ToList();
        Assert.Equal(expected.Select(c => Describe(c)).Order(), results.Select(r => Describe(r.Customer)).Order());
        Assert.Equal(expected.Count, context.ChangeTracker.Entries().Count());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Select_scalars_track_nothing(bool async)
    {
        await using var context = CreateContext();
        var query = context.Orders.Where(o => o.CustomerId == "C070").Select(o => new { o.OrderId, o.Freight });

        var results = async ? await query.ToListAsync() : query.ToList();

        Assert.Equal(Data.Orders.Count(o => o.CustomerId == "C070"), results.Count);
        Assert.Empty(context.ChangeTracker.Entries());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Select_after_Take(bool async)
        => await AssertQuery(
            async,
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C071").Take(3).Select(o => new { o.OrderId, o.ShipCity }),
            assertOrder: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Select_by_full_key_reads_one_item(bool async)
    {
        await AssertQuery(async, ss => ss.Entities<Product>().Where(p => p.ProductId == 17).Select(p => new { p.ProductName, p.CategoryId }));

        AssertRequests(("GetItem", null));
    }

    public sealed record ProductSummary(int Id, string Name, decimal Price);

    public sealed class CustomerView
    {
        public string Id { get; init; } = null!;

        public string Name { get; init; } = null!;

        public string? Region { get; init; }
    }
}

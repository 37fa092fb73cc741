using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Northwind;

/// <summary>Count, LongCount, Any, All (Select=COUNT) and Min, Max, Sum, Average (folded from projected values).</summary>
public class NorthwindAggregateOperatorsQueryTests(NorthwindFixture fixture) : NorthwindQueryTestBase(fixture)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Count_of_a_table(bool async)
    {
        await AssertSingleResult(async, ss => ss.Entities<Order>().Count(), ss => ss.Entities<Order>().CountAsync());

        AssertAllRequests("Scan");
        Assert.All(Recorder.Requests, r => Assert.Contains("Select: COUNT", r.Expressions, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Count_with_predicate(bool async)
        => await AssertSingleResult(
            async,
            ss => ss.Entities<Order>().Count(o => o.Freight > 50m && o.ShippedDate == null),
            ss => ss.Entities<Order>().CountAsync(o => o.Freight > 50m && o.ShippedDate == null));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Count_of_a_partition(bool async)
    {
        await AssertSingleResult(
            async,
            ss => ss.Entities<Order>().Count(o => o.CustomerId == "C013"),
            ss => ss.Entities<Order>().CountAsync(o => o.CustomerId == "C013"));

        AssertRequests(("Query", null));
        Assert.Contains("Select: COUNT", SingleRequestExpressions(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Count_through_a_global_index(bool async)
    {
        await AssertSingleResult(
            async,
            ss => ss.Entities<Customer>().Where(c => c.City == "Marseille").Count(),
            ss => ss.Entities<Customer>().Where(c => c.City == "Marseille").CountAsync());

        AssertRequests(("Query", "city-index"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Count_through_a_local_index(bool async)
    {
        await AssertSingleResult(
            async,
            ss => ss.Entities<Order>().Count(o => o.CustomerId == "C025" && o.Freight < 50m),
            ss => ss.Entities<Order>().CountAsync(o => o.CustomerId == "C025" && o.Freight < 50m));

        AssertRequests(("Query", "freight-index"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Count_of_no_match_is_zero(bool async)
        => Assert.Equal(
            0,
            await AssertSingleResult(
                async,
                ss => ss.Entities<Order>().Count(o => o.CustomerId == "NOBODY"),
                ss => ss.Entities<Order>().CountAsync(o => o.CustomerId == "NOBODY")));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task LongCount_with_predicate(bool async)
        => await AssertSingleResult(
            async,
            ss => ss.Entities<Product>().LongCount(p => !p.Discontinued),
            ss => ss.Entities<Product>().LongCountAsync(p => !p.Discontinued));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Any_true(bool async)
        => Assert.True(
            await AssertSingleResult(
                async,
                ss => ss.Entities<Customer>().Any(c => c.Region == "WY"),
                ss => ss.Entities<Customer>().AnyAsync(c => c.Region == "WY")));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Any_false(bool async)
        => Assert.False(
            await AssertSingleResult(
                async,
                ss => ss.Entities<Customer>().Any(c => c.Country == "Atlantis"),
                ss => ss.Entities<Customer>().AnyAsync(c => c.Country == "Atlantis")));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Any_without_predicate_on_a_partition(bool async)
        => Assert.True(
            await AssertSingleResult(
                async,
                ss => ss.Entities<Order>().Where(o => o.CustomerId == "C090").Any(),
                ss => ss.Entities<Order>().Where(o => o.CustomerId == "C090").AnyAsync()));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task All_true(bool async)
        => Assert.True(
            await AssertSingleResult(
                async,
                ss => ss.Entities<Order>().Where(o => o.CustomerId == "C015").All(o => o.Freight >= 0m),
                ss => ss.Entities<Order>().Where(o => o.CustomerId == "C015").AllAsync(o => o.Freight >= 0m)));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task All_false(bool async)
        => Assert.False(
            await AssertSingleResult(
                async,
                ss => ss.Entities<Product>().All(p => p.UnitsInStock > 10),
                ss => ss.Entities<Product>().AllAsync(p => p.UnitsInStock > 10)));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task All_with_null_check(bool async)
        => await AssertSingleResult(
            async,
            ss => ss.Entities<Customer>().Where(c => c.Country == "USA").All(c => c.Region != null),
            ss => ss.Entities<Customer>().Where(c => c.Country == "USA").AllAsync(c => c.Region != null));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sum_decimal(bool async)
        => await AssertSingleResult(
            async,
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C018").Sum(o => o.Freight),
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C018").SumAsync(o => o.Freight));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sum_int_over_a_scan(bool async)
        => await AssertSingleResult(
            async,
            ss => ss.Entities<Order>().Where(o => o.ShipVia == Shipper.UnitedPackage).Sum(o => o.EmployeeId),
            ss => ss.Entities<Order>().Where(o => o.ShipVia == Shipper.UnitedPackage).SumAsync(o => o.EmployeeId));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sum_of_a_computed_value(bool async)
        => await AssertSingleResult(
            async,
            ss => ss.Entities<Product>().Where(p => p.CategoryId == 1).Sum(p => p.UnitPrice * p.UnitsInStock),
            ss => ss.Entities<Product>().Where(p => p.CategoryId == 1).SumAsync(p => p.UnitPrice * p.UnitsInStock));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sum_of_selected_short(bool async)
        => await AssertSingleResult(
            async,
            ss => ss.Entities<Product>().Select(p => (int)p.UnitsInStock).Sum(),
            ss => ss.Entities<Product>().Select(p => (int)p.UnitsInStock).SumAsync());

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Average_decimal(bool async)
        => await AssertSingleResult(
            async,
            ss => ss.Entities<Product>().Where(p => p.CategoryId == 7).Average(p => p.UnitPrice),
            ss => ss.Entities<Product>().Where(p => p.CategoryId == 7).AverageAsync(p => p.UnitPrice));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Average_int(bool async)
        => await AssertSingleResult(
            async,
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C027").Average(o => o.EmployeeId),
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C027").AverageAsync(o => o.EmployeeId));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Min_decimal(bool async)
        => await AssertSingleResult(
            async,
            ss => ss.Entities<Product>().Min(p => p.UnitPrice),
            ss => ss.Entities<Product>().MinAsync(p => p.UnitPrice));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Max_short_with_predicate(bool async)
        => await AssertSingleResult(
            async,
            ss => ss.Entities<Product>().Where(p => !p.Discontinued).Max(p => p.UnitsInStock),
            ss => ss.Entities<Product>().Where(p => !p.Discontinued).MaxAsync(p => p.UnitsInStock));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Max_nullable_date_ignores_nulls(bool async)
        => await AssertSingleResult(
            async,
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C035").Max(o => o.ShippedDate),
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C035").MaxAsync(o => o.ShippedDate));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Min_string(bool async)
        => await AssertSingleResult(
            async,
            ss => ss.Entities<Customer>().Where(c => c.Country == "Germany").Min(c => c.ContactName)!,
            ss => ss.Entities<Customer>().Where(c => c.Country == "Germany").MinAsync(c => c.ContactName));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Min_of_the_sort_key_reads_one_item(bool async)
    {
        await AssertSingleResult(
            async,
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C036").Min(o => o.OrderDate),
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C036").MinAsync(o => o.OrderDate));

        Assert.Contains("Limit: 1", SingleRequestExpressions(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Max_of_a_local_index_sort_key_reads_one_item(bool async)
    {
        await AssertSingleResult(
            async,
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C037" && o.Freight > 0m).Max(o => o.Freight),
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C037" && o.Freight > 0m).MaxAsync(o => o.Freight));

        AssertRequests(("Query", "freight-index"));
        Assert.Contains("Limit: 1", SingleRequestExpressions(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Max_of_a_global_index_sort_key(bool async)
        => await AssertSingleResult(
            async,
            ss => ss.Entities<Product>().Where(p => p.CategoryId == 8).Max(p => p.UnitPrice),
            ss => ss.Entities<Product>().Where(p => p.CategoryId == 8).MaxAsync(p => p.UnitPrice));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Min_of_an_empty_nullable_sequence_is_null(bool async)
        => Assert.Null(
            await AssertSingleResult(
                async,
                ss => ss.Entities<Order>().Where(o => o.CustomerId == "NOBODY").Min(o => (decimal?)o.Freight),
                ss => ss.Entities<Order>().Where(o => o.CustomerId == "NOBODY").MinAsync(o => (decimal?)o.Freight)));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Max_of_an_empty_sequence_throws(bool async)
    {
        await using var context = CreateContext();
        var query = context.Products.Where(p => p.CategoryId == 99);

        await Assert.ThrowsAsync<InvalidOperationException>(
            async ? () => query.MaxAsync(p => p.UnitPrice) : () => Task.FromResult(query.Max(p => p.UnitPrice)));
        Assert.Throws<InvalidOperationException>(() => Data.Products.Where(p => p.CategoryId == 99).Max(p => p.UnitPrice));
    }
}

using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Northwind;

/// <summary>Where: comparisons on every mapped type, null checks, logic operators, parameters, strings and local lists.</summary>
public class NorthwindWhereQueryTests(NorthwindFixture fixture) : NorthwindQueryTestBase(fixture)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_full_key_equality_is_a_GetItem(bool async)
    {
        await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.CustomerId == "C017"));

        AssertRequests(("GetItem", null));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_full_key_equality_with_no_item_is_empty(bool async)
    {
        await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.CustomerId == "NOBODY"), assertEmpty: true);

        AssertRequests(("GetItem", null));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_string_equality_on_a_global_index_key_queries_the_index(bool async)
    {
        await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.City == "London"));

        AssertRequests(("Query", "city-index"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_string_equality_on_a_plain_attribute_scans(bool async)
    {
        await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.Country == "Germany"));

        AssertAllRequests("Scan");
        Assert.Contains(Recorder.Log, l => l.Id == Microsoft.EntityFrameworkCore.Diagnostics.DynamoDbEventId.ScanWarning);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_string_not_equal(bool async)
        => await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.Country != "Germany"));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_nullable_string_equals_null(bool async)
    {
        await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.Region == null));

        Assert.Contains("attribute_not_exists(", SingleRequestExpressions(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_nullable_string_not_equal_null(bool async)
    {
        await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.Region != null));

        Assert.Contains("attribute_exists(", SingleRequestExpressions(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_nullable_string_equals_value(bool async)
        => await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.Region == "WA"));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_null_parameter_compares_as_CSharp_does(bool async)
    {
        string? region = null;

        await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.Region == region));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_captured_variable_is_a_parameter(bool async)
    {
        foreach (var city in new[] { "Berlin", "Madrid", "Seattle" })
        {
            await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.City == city));
        }

        AssertAllRequests("Query", "city-index");
        Assert.Equal(3, Recorder.Requests.Count);
        Assert.Single(Recorder.Requests.Select(r => r.Expressions).Distinct()); // values travel as placeholders only
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_and(bool async)
        => await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.Country == "USA" && c.Region == "OR"));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_or(bool async)
    {
        await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.City == "London" || c.City == "Berlin"));

        AssertAllRequests("Scan");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_not(bool async)
        => await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => !(c.Country == "Germany")));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_not_of_or_and_and(bool async)
        => await AssertQuery(
            async,
            ss => ss.Entities<Customer>().Where(c => !(c.Country == "France" || c.Country == "Spain") && (c.Region == null || c.Region == "WA")));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_chained_Wheres_are_and(bool async)
        => await AssertQuery(
            async,
            ss => ss.Entities<Order>().Where(o => o.ShipCountry == "Germany").Where(o => o.EmployeeId > 3).Where(o => o.ShipVia != Shipper.SpeedyExpress));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_StartsWith_constant(bool async)
    {
        await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.CompanyName.StartsWith("Bo")));

        Assert.Contains("begins_with(", SingleRequestExpressions(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_StartsWith_parameter(bool async)
    {
        var prefix = "Blauer";

        await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.CompanyName.StartsWith(prefix)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_string_Contains(bool async)
    {
        await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.ContactName.Contains("an")));

        Assert.Contains("contains(", SingleRequestExpressions(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_string_Contains_ordinal_parameter(bool async)
    {
        var part = "Moreno";

        await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.ContactName.Contains(part, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_StartsWith_on_an_index_sort_key_is_a_key_condition(bool async)
    {
        await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.City == "London" && c.CompanyName.StartsWith("Bo")));

        AssertRequests(("Query", "city-index"));
        Assert.Contains("AND begins_with(", SingleRequestExpressions(), StringComparison.Ordinal);
        Assert.DoesNotContain("Filter", SingleRequestExpressions(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_string_Compare_on_an_index_sort_key_is_a_key_condition(bool async)
    {
        await AssertQuery(
            async,
            ss => ss.Entities<Customer>().Where(c => c.City == "Madrid" && string.CompareOrdinal(c.CompanyName, "B") >= 0));

        AssertRequests(("Query", "city-index"));
        Assert.Contains("AND #n1 >= :v1", SingleRequestExpressions(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_local_list_Contains_on_an_attribute_is_IN(bool async)
    {
        var countries = new List<string> { "France", "Spain", "Argentina" };

        await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => countries.Contains(c.Country)));

        Assert.Contains(" IN (", SingleRequestExpressions(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_local_array_Contains_on_the_key_is_a_BatchGetItem(bool async)
    {
        var ids = new[] { "C001", "C045", "C090", "C999" };

        await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => ids.Contains(c.CustomerId)));

        AssertRequests(("BatchGetItem", null));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_local_list_Contains_on_an_int_key_is_a_BatchGetItem(bool async)
    {
        var ids = new List<int> { 3, 7, 11, 77, 78 };

        await AssertQuery(async, ss => ss.Entities<Product>().Where(p => ids.Contains(p.ProductId)));

        AssertRequests(("BatchGetItem", null));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_empty_local_list_Contains_matches_nothing(bool async)
    {
        var ids = new List<int>();

        await AssertQuery(async, ss => ss.Entities<Order>().Where(o => ids.Contains(o.EmployeeId)), assertEmpty: true);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_local_list_of_ints_Contains(bool async)
    {
        var employees = new[] { 2, 4, 8 };

        await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.CustomerId == "C030" && employees.Contains(o.EmployeeId)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_local_list_of_enums_Contains(bool async)
    {
        var shippers = new List<Shipper> { Shipper.SpeedyExpress, Shipper.FederalShipping };

        await AssertQuery(async, ss => ss.Entities<Order>().Where(o => shippers.Contains(o.ShipVia) && o.ShipCountry == "Spain"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_partition_key_is_a_Query(bool async)
    {
        await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.CustomerId == "C012"));

        AssertRequests(("Query", null));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_date_sort_key_greater_than_is_a_key_condition(bool async)
    {
        var since = new DateTime(1997, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.CustomerId == "C040" && o.OrderDate > since));

        AssertRequests(("Query", null));
        Assert.Contains("KeyCondition: #n0 = :v0 AND #n1 > :v1", SingleRequestExpressions(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_date_sort_key_range_is_a_BETWEEN(bool async)
    {
        var from = new DateTime(1996, 9, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = new DateTime(1997, 6, 30, 0, 0, 0, DateTimeKind.Utc);

        await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.CustomerId == "C041" && o.OrderDate >= from && o.OrderDate <= to));

        Assert.Contains("BETWEEN", SingleRequestExpressions(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_date_sort_key_equality_is_a_GetItem(bool async)
    {
        var date = Data.Orders.First(o => o.CustomerId == "C050").OrderDate;

        await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.CustomerId == "C050" && o.OrderDate == date));

        AssertRequests(("GetItem", null));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_date_without_partition_key_scans(bool async)
    {
        await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.OrderDate < new DateTime(1996, 9, 1, 0, 0, 0, DateTimeKind.Utc)));

        AssertAllRequests("Scan");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_nullable_date_is_null(bool async)
        => await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.CustomerId == "C003" && o.ShippedDate == null));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_nullable_date_comparison(bool async)
    {
        var date = new DateTime(1998, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.ShippedDate > date));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_enum_equality(bool async)
        => await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.CustomerId == "C020" && o.ShipVia == Shipper.FederalShipping));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_enum_not_equal_parameter(bool async)
    {
        var shipper = Shipper.UnitedPackage;

        await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.CustomerId == "C021" && o.ShipVia != shipper));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_enum_ordering_comparison(bool async)
        => await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.ShipCity == "Bern" && o.ShipVia >= Shipper.UnitedPackage));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_int_equality(bool async)
        => await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.EmployeeId == 5 && o.ShipCountry == "USA"));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_int_range(bool async)
        => await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.OrderId > 10900 && o.OrderId <= 10950));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_int_key_equality_is_a_GetItem(bool async)
    {
        await AssertQuery(async, ss => ss.Entities<Product>().Where(p => p.ProductId == 42));

        AssertRequests(("GetItem", null));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_decimal_comparison(bool async)
        => await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.Freight > 95.5m));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_decimal_equality_with_fraction(bool async)
    {
        var freight = Data.Orders[5].Freight;

        await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.Freight == freight));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_constant_on_the_left(bool async)
        => await AssertQuery(async, ss => ss.Entities<Order>().Where(o => 90m < o.Freight && 6 >= o.EmployeeId));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_decimal_on_a_local_index_sort_key_queries_the_index(bool async)
    {
        await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.CustomerId == "C010" && o.Freight >= 20m));

        AssertRequests(("Query", "freight-index"));
        Assert.DoesNotContain("Filter", SingleRequestExpressions(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_short_comparison(bool async)
        => await AssertQuery(async, ss => ss.Entities<Product>().Where(p => p.UnitsInStock < 20));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_short_equality_with_a_short_parameter(bool async)
    {
        var stock = Data.Products[10].UnitsInStock;

        await AssertQuery(async, ss => ss.Entities<Product>().Where(p => p.UnitsInStock == stock));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_bool_member(bool async)
        => await AssertQuery(async, ss => ss.Entities<Product>().Where(p => p.Discontinued));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_negated_bool_member(bool async)
        => await AssertQuery(async, ss => ss.Entities<Product>().Where(p => !p.Discontinued));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_bool_equals_false(bool async)
        => await AssertQuery(async, ss => ss.Entities<Product>().Where(p => p.Discontinued == false && p.UnitPrice < 20m));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_bool_not_equal_parameter(bool async)
    {
        var discontinued = true;

        await AssertQuery(async, ss => ss.Entities<Product>().Where(p => p.Discontinued != discontinued));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_bool_in_a_complex_predicate(bool async)
        => await AssertQuery(async, ss => ss.Entities<Product>().Where(p => (p.Discontinued && p.UnitPrice > 10m) || p.UnitsInStock == 0));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_global_index_partition_key_with_sort_key_range(bool async)
    {
        await AssertQuery(async, ss => ss.Entities<Product>().Where(p => p.CategoryId == 3 && p.UnitPrice > 30m));

        AssertRequests(("Query", "category-index"));
        Assert.Contains("KeyCondition: #n0 = :v0 AND #n1 > :v1", SingleRequestExpressions(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_global_index_with_a_filter(bool async)
    {
        await AssertQuery(async, ss => ss.Entities<Product>().Where(p => p.CategoryId == 5 && !p.Discontinued));

        AssertRequests(("Query", "category-index"));
        Assert.Contains("Filter", SingleRequestExpressions(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_EF_Property(bool async)
        => await AssertQuery(
            async,
            ss => ss.Entities<Customer>().Where(c => EF.Property<string>(c, "City") == "Lander"),
            ss => ss.Entities<Customer>().Where(c => c.City == "Lander"));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_nullable_string_not_equal_value_includes_nulls_as_CSharp_does(bool async)
        => await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.Region != "WA"));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_negated_equality_on_a_nullable_string(bool async)
        => await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => !(c.Region == "SP")));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_StartsWith_char(bool async)
        => await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.ContactName.StartsWith('M')));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_string_Contains_char(bool async)
        => await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.CompanyName.Contains('\'')));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_negated_StartsWith(bool async)
        => await AssertQuery(async, ss => ss.Entities<Product>().Where(p => !p.ProductName.StartsWith("Ch")));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_negated_local_list_Contains(bool async)
    {
        var cities = new[] { "Berlin", "London", "Madrid", "Bern", "Seattle", "Portland", "Lander" };

        await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => !cities.Contains(c.City)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_string_Equals(bool async)
#pragma warning disable CA1309 // The plain overloads are what is tested: they compare ordinally.
        => await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.Country.Equals("Sweden") || string.Equals(c.Country, "Brazil")));
#pragma warning restore CA1309

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_negated_null_check_on_a_nullable_date(bool async)
        => await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.CustomerId == "C063" && !(o.ShippedDate == null)));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_nullable_date_equals_a_value(bool async)
    {
        var shipped = Data.Orders[40].ShippedDate;

        await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.ShippedDate == shipped));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_new_DateTime_on_the_sort_key(bool async)
        => await AssertQuery(
            async,
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C080" && o.OrderDate < new DateTime(1998, 1, 23, 12, 0, 0, DateTimeKind.Utc)));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_sort_key_not_equal_applies_to_the_returned_items(bool async)
    {
        var excluded = Data.Orders.First(o => o.CustomerId == "C081").OrderDate;

        await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.CustomerId == "C081" && o.OrderDate != excluded));

        AssertRequests(("Query", null));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_or_on_the_partition_key_scans(bool async)
    {
        await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.CustomerId == "C082" || o.CustomerId == "C083"));

        AssertAllRequests("Scan");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Where_decimal_range_with_captured_bounds(bool async)
    {
        var (low, high) = (10.25m, 20.75m);

        await AssertQuery(async, ss => ss.Entities<Product>().Where(p => p.UnitPrice >= low && p.UnitPrice <= high));
    }
}

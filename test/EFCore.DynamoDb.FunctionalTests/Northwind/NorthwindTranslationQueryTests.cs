using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Northwind;

/// <summary>
///     The shapes that once crashed or answered wrongly, each answered right or refused at translation: Equals across
///     number types, HasValue, the clock and Guid.NewGuid() in a condition, a cast of a converted key to its stored
///     type, string operations DynamoDB lacks, navigations, subqueries and a collection stored as a string.
/// </summary>
public class NorthwindTranslationQueryTests(NorthwindFixture fixture) : NorthwindQueryTestBase(fixture)
{
    private const string NotTranslated = "could not be translated";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Equals_with_another_number_type_matches_nothing_as_in_CSharp(bool async)
    {
        ulong employee = 3;

        await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.CustomerId == "C004" && o.EmployeeId.Equals(employee)), assertEmpty: true);

        AssertRequests(("Query", null));
        Assert.Contains(" AND attribute_not_exists(", SingleRequestExpressions(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Static_object_Equals_with_another_number_type_matches_nothing(bool async)
    {
        long product = 17;

        await AssertQuery(async, ss => ss.Entities<Product>().Where(p => object.Equals(p.ProductId, product)), assertEmpty: true);

        AssertAllRequests("Scan");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Equals_with_the_same_number_type_matches(bool async)
    {
        var employee = 3;

        await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.CustomerId == "C004" && o.EmployeeId.Equals(employee)));

        AssertRequests(("Query", null));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HasValue_is_attribute_exists(bool async)
    {
        await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.CustomerId == "C007" && o.ShippedDate.HasValue));

        AssertRequests(("Query", null));
        Assert.Contains("attribute_exists(", SingleRequestExpressions(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Not_HasValue_is_attribute_not_exists(bool async)
        => await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.CustomerId == "C007" && !o.ShippedDate.HasValue));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_clock_in_a_condition_is_read_on_the_client_once_per_execution(bool async)
    {
        await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.CustomerId == "C002" && o.OrderDate < DateTime.UtcNow));
        await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.CustomerId == "C002" && o.OrderDate < DateTime.UtcNow));

        // The sort key condition holds the instant as a value; the same request text, so the compiled query is reused.
        AssertRequests(("Query", null), ("Query", null));
        Assert.Single(Recorder.Requests.Select(r => r.Expressions).Distinct());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_expression_over_the_clock_and_a_variable_is_one_client_value(bool async)
    {
        var years = 50;

        await AssertQuery(
            async,
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C003" && o.OrderDate > DateTime.UtcNow.AddYears(-years) && o.OrderDate < DateTime.Now));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_new_Guid_in_a_condition_is_a_value(bool async)
    {
        await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.City == "London" && c.Phone != Guid.NewGuid().ToString()));

        AssertAllRequests("Query", "city-index");
    }

    [Theory]
    [InlineData("EndsWith")]
    [InlineData("ToUpperInvariant")]
    [InlineData("StringComparison.OrdinalIgnoreCase")]
    public async Task A_string_operation_DynamoDB_lacks_is_refused_naming_it(string operation)
    {
        await using var context = CreateContext();
        var query = operation switch
        {
            "EndsWith" => context.Customers.Where(c => c.CompanyName.EndsWith("Horn 3")),
            "ToUpperInvariant" => context.Customers.Where(c => c.City.ToUpperInvariant().Length > 4),
            _ => context.Customers.Where(c => c.City.Equals("london", StringComparison.OrdinalIgnoreCase))
        };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => query.ToListAsync());

        Assert.Contains(NotTranslated, error.Message, StringComparison.Ordinal);
        Assert.Contains("no equivalent of " + operation, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("StructuralTypeShaperExpression", error.Message, StringComparison.Ordinal);
        Assert.Empty(Recorder.Requests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_cast_of_a_converted_key_to_its_stored_type_is_a_key_lookup(bool async)
    {
        await using var context = CreateMappingsContext();
        var query = context.Products.Where(p => (int)p.ProductId == 17);

        var products = async ? await query.ToListAsync() : query.ToList();

        Assert.Equal(Data.Products.Single(p => p.ProductId == 17).ProductName, Assert.Single(products).ProductName);
        AssertRequests(("GetItem", null));
    }

    [Fact]
    public async Task A_collection_stored_as_a_string_is_not_filtered_as_a_list()
    {
        await using var context = CreateMappingsContext();

        foreach (var query in new[]
                 {
                     context.Customers.Where(c => c.ContactName.Any()),
                     context.Customers.Where(c => c.ContactName.Count > 1),
                     context.Customers.Where(c => c.ContactName.Contains("Maria"))
                 })
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => query.ToListAsync());
            Assert.Contains("'RelatedCustomer.ContactName': a value converter stores this collection as one S attribute", error.Message, StringComparison.Ordinal);
        }

        Assert.Empty(Recorder.Requests);
    }

    [Fact]
    public async Task A_collection_stored_as_a_string_is_still_read()
    {
        await using var context = CreateMappingsContext();

        var customer = await context.Customers.AsNoTracking().SingleAsync(c => c.CustomerId == "C005");

        Assert.Equal(Data.Customers.Single(c => c.CustomerId == "C005").ContactName.Split(' '), customer.ContactName);
        AssertRequests(("GetItem", null));
    }

    [Fact]
    public async Task Navigations_and_subqueries_are_refused_at_translation()
    {
        await using var context = CreateMappingsContext();
        var refusals = new (string Expected, Func<Task> Query)[]
        {
            ("The navigation 'RelatedOrder.Customer' cannot be followed", () => context.Orders.Where(o => o.Customer.CompanyName == "x").ToListAsync()),
            ("reads another query or a collection navigation", () => context.Customers.Where(c => c.Orders.Any()).ToListAsync()),
            ("reads another query or a collection navigation", () => context.Customers.Select(c => context.Orders.Count(o => o.CustomerId == c.CustomerId)).ToListAsync())
        };

        foreach (var (expected, query) in refusals)
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(query);
            Assert.Contains(NotTranslated, error.Message, StringComparison.Ordinal);
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("'Join'", error.Message, StringComparison.Ordinal);
        }

        Assert.Empty(Recorder.Requests);
    }

    [Fact]
    public async Task A_collection_navigation_in_a_projection_is_read_as_its_Include()
    {
        await using var context = CreateMappingsContext();
        var expected = await context.Orders.CountAsync(o => o.CustomerId == "C001");
        Recorder.Clear();

        var projected = await context.Customers.Where(c => c.CustomerId == "C001").Select(c => new { c.Orders.Count }).SingleAsync();

        Assert.Equal(expected, projected.Count);
        Assert.Equal(["GetItem", "Query"], Recorder.Operations);
    }

    private NorthwindMappingsContext CreateMappingsContext() => new(Fixture.Store.CreateOptions<NorthwindMappingsContext>());
}

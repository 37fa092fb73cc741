using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Northwind;

/// <summary>
///     Element operators, Take/Skip, ordering on sort keys, index selection, Find, tracking, ToQueryString, the DynamoDB
///     read operators and ScanBehavior; and the queries DynamoDB cannot answer, refused before any request.
/// </summary>
public class NorthwindMiscellaneousQueryTests(NorthwindFixture fixture) : NorthwindQueryTestBase(fixture)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task First_ordered_by_the_sort_key_reads_one_item(bool async)
    {
        await AssertSingleResult(
            async,
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C009").OrderBy(o => o.OrderDate).First(),
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C009").OrderBy(o => o.OrderDate).FirstAsync());

        Assert.Contains("Limit: 1", SingleRequestExpressions(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FirstOrDefault_ordered_descending(bool async)
    {
        await AssertSingleResult(
            async,
            ss => ss.Entities<Order>().OrderByDescending(o => o.OrderDate).FirstOrDefault(o => o.CustomerId == "C011"),
            ss => ss.Entities<Order>().OrderByDescending(o => o.OrderDate).FirstOrDefaultAsync(o => o.CustomerId == "C011"));

        Assert.Contains("ScanIndexForward: false", SingleRequestExpressions(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FirstOrDefault_with_a_filter_pages_until_a_match(bool async)
        => await AssertSingleResult(
            async,
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C012" && o.EmployeeId == 7).OrderBy(o => o.OrderDate).FirstOrDefault(),
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C012" && o.EmployeeId == 7).OrderBy(o => o.OrderDate).FirstOrDefaultAsync());

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FirstOrDefault_of_nothing_is_null(bool async)
        => Assert.Null(
            await AssertSingleResult(
                async,
                ss => ss.Entities<Customer>().FirstOrDefault(c => c.City == "Atlantis"),
                ss => ss.Entities<Customer>().FirstOrDefaultAsync(c => c.City == "Atlantis")));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task First_of_nothing_throws(bool async)
    {
        await using var context = CreateContext();

        await Assert.ThrowsAsync<InvalidOperationException>(
            async
                ? () => context.Orders.FirstAsync(o => o.CustomerId == "NOBODY")
                : () => Task.FromResult(context.Orders.First(o => o.CustomerId == "NOBODY")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Single_by_key_is_a_GetItem(bool async)
    {
        await AssertSingleResult(
            async,
            ss => ss.Entities<Product>().Single(p => p.ProductId == 33),
            ss => ss.Entities<Product>().SingleAsync(p => p.ProductId == 33));

        AssertRequests(("GetItem", null));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SingleOrDefault_of_nothing_is_null(bool async)
        => Assert.Null(
            await AssertSingleResult(
                async,
                ss => ss.Entities<Customer>().SingleOrDefault(c => c.CustomerId == "C500"),
                ss => ss.Entities<Customer>().SingleOrDefaultAsync(c => c.CustomerId == "C500")));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Single_with_two_matches_throws(bool async)
    {
        await using var context = CreateContext();

        await Assert.ThrowsAsync<InvalidOperationException>(
            async
                ? () => context.Customers.SingleAsync(c => c.City == "Berlin")
                : () => Task.FromResult(context.Customers.Single(c => c.City == "Berlin")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Last_ordered_by_the_sort_key(bool async)
    {
        await AssertSingleResult(
            async,
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C016").OrderBy(o => o.OrderDate).Last(),
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C016").OrderBy(o => o.OrderDate).LastAsync());

        Assert.Contains("ScanIndexForward: false", SingleRequestExpressions(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task LastOrDefault_ordered_descending_with_predicate(bool async)
        => await AssertSingleResult(
            async,
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C019").OrderByDescending(o => o.OrderDate).LastOrDefault(o => o.Freight > 10m),
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C019").OrderByDescending(o => o.OrderDate)
                .LastOrDefaultAsync(o => o.Freight > 10m));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OrderBy_the_sort_key(bool async)
        => await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.CustomerId == "C023").OrderBy(o => o.OrderDate), assertOrder: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OrderByDescending_the_sort_key_with_a_key_range(bool async)
    {
        var since = Data.Orders.Where(o => o.CustomerId == "C024").ElementAt(2).OrderDate;

        await AssertQuery(
            async,
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C024" && o.OrderDate >= since).OrderByDescending(o => o.OrderDate),
            assertOrder: true);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OrderBy_the_table_sort_key_wins_over_a_constrained_local_index(bool async)
    {
        await AssertQuery(
            async,
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C024" && o.Freight > 20m).OrderByDescending(o => o.OrderDate),
            assertOrder: true);

        AssertRequests(("Query", null));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OrderBy_the_partition_key_ThenBy_the_sort_key(bool async)
        => await AssertQuery(
            async,
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C026").OrderBy(o => o.CustomerId).ThenByDescending(o => o.OrderDate)
                .Select(o => o.OrderId),
            assertOrder: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OrderBy_a_global_index_sort_key(bool async)
    {
        await AssertQuery(
            async,
            ss => ss.Entities<Customer>().Where(c => c.City == "London").OrderBy(c => c.CompanyName),
            ss => ss.Entities<Customer>().Where(c => c.City == "London").OrderBy(c => c.CompanyName, StringComparer.Ordinal),
            assertOrder: true);

        AssertRequests(("Query", "city-index"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OrderByDescending_a_numeric_global_index_sort_key(bool async)
    {
        await AssertQuery(
            async,
            ss => ss.Entities<Product>().Where(p => p.CategoryId == 2).OrderByDescending(p => p.UnitPrice).Select(p => p.UnitPrice),
            assertOrder: true);

        AssertRequests(("Query", "category-index"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OrderBy_a_local_index_sort_key(bool async)
    {
        await AssertQuery(
            async,
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C028").OrderBy(o => o.Freight).Select(o => o.Freight),
            assertOrder: true);

        AssertRequests(("Query", "freight-index"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Take_ordered(bool async)
    {
        var count = 4;

        await AssertQuery(
            async,
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C029").OrderByDescending(o => o.OrderDate).Take(count),
            assertOrder: true);

        Assert.Contains("Limit: 4", SingleRequestExpressions(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Take_with_a_filter_returns_enough_matches(bool async)
        => await AssertQuery(
            async,
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C031" && o.ShipVia == Shipper.SpeedyExpress).OrderBy(o => o.OrderDate).Take(2),
            assertOrder: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Skip_and_Take(bool async)
    {
        await AssertQuery(
            async,
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C032").OrderBy(o => o.OrderDate).Skip(2).Take(3),
            assertOrder: true);

        Assert.Contains(Recorder.Log, l => l.Id == DynamoDbEventId.SkipWarning);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reverse_of_an_ordered_query(bool async)
        => await AssertQuery(
            async,
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C034").OrderBy(o => o.OrderDate).Reverse().Select(o => o.OrderId),
            assertOrder: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WithIndex_forces_an_index(bool async)
    {
        await AssertQuery(
            async,
            ss => ss.Entities<Order>().WithIndex("freight-index").Where(o => o.CustomerId == "C038"),
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C038"));

        AssertRequests(("Query", "freight-index"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Find_by_partition_key(bool async)
    {
        await using var context = CreateContext();

        var customer = async ? await context.Customers.FindAsync("C039") : context.Customers.Find("C039");

        Assert.Equal(Describe(Data.Customers.Single(c => c.CustomerId == "C039")), Describe(customer));
        AssertRequests(("GetItem", null));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Find_by_number_key(bool async)
    {
        await using var context = CreateContext();

        var product = async ? await context.Products.FindAsync(64) : context.Products.Find(64);

        Assert.Equal(Describe(Data.Products.Single(p => p.ProductId == 64)), Describe(product));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Find_by_partition_and_date_sort_key(bool async)
    {
        await using var context = CreateContext();
        var expected = Data.Orders.Where(o => o.CustomerId == "C042").ElementAt(2);

        var order = async
            ? await context.Orders.FindAsync(expected.CustomerId, expected.OrderDate)
            : context.Orders.Find(expected.CustomerId, expected.OrderDate);

        Assert.Equal(Describe(expected), Describe(order));
        AssertRequests(("GetItem", null));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Find_of_a_missing_key_is_null_and_of_a_tracked_entity_sends_nothing(bool async)
    {
        await using var context = CreateContext();

        Assert.Null(async ? await context.Customers.FindAsync("C999") : context.Customers.Find("C999"));
        var tracked = await context.Customers.SingleAsync(c => c.CustomerId == "C043");
        Recorder.Clear();

        Assert.Same(tracked, async ? await context.Customers.FindAsync("C043") : context.Customers.Find("C043"));
        Assert.Empty(Recorder.Requests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AsNoTracking_returns_detached_entities(bool async)
    {
        await using var context = CreateContext();
        var query = context.Orders.AsNoTracking().Where(o => o.CustomerId == "C045");

        var orders = await AssertQuery(async, _ => query);

        Assert.All(orders, o => Assert.Equal(EntityState.Detached, context.Entry(o).State));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Tracking_queries_resolve_identity(bool async)
    {
        await using var context = CreateContext();
        var query = context.Products.Where(p => p.CategoryId == 4);

        var first = async ? await query.ToListAsync() : query.ToList();
        var second = async ? await query.ToListAsync() : query.ToList();

        Assert.All(first, p => Assert.Equal(EntityState.Unchanged, context.Entry(p).State));
        Assert.Equal(first.Select(p => p.ProductId).Order(), second.Select(p => p.ProductId).Order());
        Assert.All(second, p => Assert.Same(first.Single(f => f.ProductId == p.ProductId), p));
    }

    [Fact]
    public async Task AsAsyncEnumerable_streams_in_sort_key_order()
    {
        await using var context = CreateContext();
        var ids = new List<int>();

        await foreach (var order in context.Orders.Where(o => o.CustomerId == "C046").AsAsyncEnumerable())
        {
            ids.Add(order.OrderId);
        }

        Assert.Equal(Data.Orders.Where(o => o.CustomerId == "C046").OrderBy(o => o.OrderDate).Select(o => o.OrderId), ids);
    }

    [Fact]
    public void ToQueryString_names_the_operation_and_index_with_placeholders_only()
    {
        using var context = CreateContext();
        var ids = new[] { "C001", "C002" };

        var getItem = context.Customers.Where(c => c.CustomerId == "C047").ToQueryString();
        var query = context.Customers.Where(c => c.City == "Madrid" && c.Phone != "x").ToQueryString();
        var scan = context.Products.Where(p => p.UnitPrice > 12.5m).ToQueryString();
        var batch = context.Customers.Where(c => ids.Contains(c.CustomerId)).ToQueryString();

        Assert.StartsWith("GetItem", getItem, StringComparison.Ordinal);
        Assert.StartsWith("Query", query, StringComparison.Ordinal);
        Assert.Contains("city-index", query, StringComparison.Ordinal);
        Assert.Contains("Filter: #n", query, StringComparison.Ordinal);
        Assert.StartsWith("Scan", scan, StringComparison.Ordinal);
        Assert.StartsWith("BatchGetItem", batch, StringComparison.Ordinal);
        Assert.DoesNotContain("Madrid", query, StringComparison.Ordinal);
        Assert.DoesNotContain("12.5", scan, StringComparison.Ordinal);
        Assert.Empty(Recorder.Requests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WithConsistentRead_on_the_table_and_a_local_index(bool async)
    {
        await AssertQuery(
            async,
            ss => ss.Entities<Order>().WithConsistentRead().Where(o => o.CustomerId == "C048" && o.Freight > 5m),
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C048" && o.Freight > 5m));

        AssertRequests(("Query", "freight-index"));
        Assert.Contains("ConsistentRead: true", SingleRequestExpressions(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithConsistentRead_refuses_a_forced_global_index()
    {
        await using var context = CreateContext();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Customers.WithConsistentRead().WithIndex("city-index").Where(c => c.City == "Bern").ToListAsync());

        Assert.Contains("'city-index'", error.Message, StringComparison.Ordinal);
        Assert.Empty(Recorder.Requests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WithPageSize_pages_through_the_results(bool async)
    {
        var orders = await AssertQuery(
            async,
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C049").WithPageSize(3),
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C049"));

        Assert.True(Recorder.Requests.Count >= orders.Count / 3);
        Assert.All(Recorder.Requests, r => Assert.Contains("Limit: 3", r.Expressions, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WithScanLimit_bounds_the_items_read(bool async)
    {
        await using var context = CreateContext();
        var query = context.Orders.Where(o => o.CustomerId == "C051" && o.EmployeeId > 4).WithScanLimit(5);

        var orders = async ? await query.ToListAsync() : query.ToList();

        var expected = Data.Orders.Where(o => o.CustomerId == "C051").OrderBy(o => o.OrderDate).Take(5).Where(o => o.EmployeeId > 4);
        Assert.Equal(expected.Select(o => o.OrderId), orders.Select(o => o.OrderId));
    }

    [Fact]
    public async Task WithParallelScan_reads_every_segment()
    {
        await using var context = CreateContext();

        var count = await context.Orders.WithParallelScan(4).CountAsync(o => o.ShipVia == Shipper.FederalShipping);

        Assert.Equal(Data.Orders.Count(o => o.ShipVia == Shipper.FederalShipping), count);
        Assert.True(Recorder.Requests.Count(r => r.Operation == "Scan") >= 4);
        Assert.DoesNotContain(Recorder.Log, l => l.Id == DynamoDbEventId.ScanWarning);
    }

    [Fact]
    public async Task ScanBehavior_Throw_refuses_scans_unless_allowed()
    {
        await using var context = Fixture.CreateContext(o => o.ScanBehavior(ScanBehavior.Throw));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => context.Products.Where(p => p.Discontinued).ToListAsync());
        Assert.Empty(Recorder.Requests);
        var allowed = await context.Products.AllowScan().Where(p => p.Discontinued).ToListAsync();
        var keyed = await context.Products.Where(p => p.CategoryId == 1).ToListAsync();

        Assert.Contains("AllowScan()", error.Message, StringComparison.Ordinal);
        Assert.Equal(Data.Products.Count(p => p.Discontinued), allowed.Count);
        Assert.Equal(Data.Products.Count(p => p.CategoryId == 1), keyed.Count);
    }

    [Fact]
    public async Task ScanBehavior_Allow_scans_without_a_warning()
    {
        await using var context = Fixture.CreateContext(o => o.ScanBehavior(ScanBehavior.Allow));

        Assert.Equal(Data.Customers.Count, await context.Customers.CountAsync());
        Assert.DoesNotContain(Recorder.Log, l => l.Id == DynamoDbEventId.ScanWarning);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Ordering_by_a_non_key_fails_before_any_request(bool async)
    {
        await using var context = CreateContext();
        var query = context.Orders.Where(o => o.CustomerId == "C053").OrderBy(o => o.ShipCity);

        var error = await AssertFailsBeforeAnyRequest(async, query);

        Assert.Contains("orders 'Order' by 'ShipCity'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Ordering_a_scan_fails_before_any_request(bool async)
    {
        await using var context = CreateContext();

        var error = await AssertFailsBeforeAnyRequest(async, context.Products.OrderBy(p => p.ProductName));

        Assert.Contains("partition key ('ProductId')", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<bool, string> UntranslatableQueries
        => new()
        {
            { false, "join" }, { true, "join" },
            { false, "groupby" }, { true, "groupby" },
            { false, "endswith" }, { true, "endswith" },
            { false, "trim-substring" }, { true, "trim-substring" },
            { false, "string-methods" }, { true, "string-methods" },
            { false, "two-properties" }, { true, "two-properties" },
            { false, "distinct" }, { true, "distinct" },
            { false, "selectmany" }, { true, "selectmany" },
            { false, "ignorecase" }, { true, "ignorecase" },
            { false, "arithmetic" }, { true, "arithmetic" }
        };

    [Theory]
    [MemberData(nameof(UntranslatableQueries))]
    public async Task Untranslatable_query_fails_with_EFs_error_before_any_request(bool async, string kind)
    {
        await using var context = CreateContext();
        IQueryable<object> query = kind switch
        {
            "join" => context.Orders.Join(context.Customers, o => o.CustomerId, c => c.CustomerId, (o, c) => new { o.OrderId, c.City }),
            "groupby" => context.Orders.GroupBy(o => o.CustomerId).Select(g => new { g.Key, Count = g.Count() }),
            "endswith" => context.Customers.Where(c => c.CompanyName.EndsWith("Horn")),
            "trim-substring" => context.Customers.Where(c => c.City.Trim() == "Bern" || c.City.Substring(1) == "ern"),
            "string-methods" => context.Customers.Where(c => c.Phone.Trim().EndsWith(' ')),
            "two-properties" => context.Orders.Where(o => o.ShipCity == o.CustomerId),
            "distinct" => context.Customers.Select(c => c.Country).Distinct(),
            "selectmany" => context.Customers.SelectMany(c => context.Orders.Where(o => o.CustomerId == c.CustomerId)),
            "ignorecase" => context.Customers.Where(c => c.City.Equals("bern", StringComparison.OrdinalIgnoreCase)),
            "arithmetic" => context.Products.Where(p => p.UnitPrice * p.UnitsInStock > 100m),
            _ => throw new ArgumentOutOfRangeException(nameof(kind))
        };

        var error = await AssertFailsBeforeAnyRequest(async, query);

        Assert.Contains("could not be translated", error.Message, StringComparison.Ordinal);
    }

    private async Task<InvalidOperationException> AssertFailsBeforeAnyRequest<T>(bool async, IQueryable<T> query)
    {
        var error = async
            ? await Assert.ThrowsAsync<InvalidOperationException>(() => query.ToListAsync())
            : Assert.Throws<InvalidOperationException>(() => query.ToList());
        Assert.Empty(Recorder.Requests);
        return error;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Northwind;

/// <summary>
///     Projections computed on the client from what DynamoDB returns: those that read no attribute, those whose
///     attributes are absent, null values inside them, EF.Property names, and cancelled queries.
/// </summary>
public class NorthwindClientProjectionQueryTests(NorthwindFixture fixture) : NorthwindQueryTestBase(fixture)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_empty_anonymous_type_reads_only_the_key(bool async)
    {
        await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.Country == "Germany").Select(c => new { }));

        AssertAllRequests("Scan");
        Assert.All(Recorder.Requests, r => Assert.Matches(@"Projection: #n\d+;.*#n\d+=CustomerId", r.Expressions));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_constant_reads_only_the_key_of_each_item(bool async)
    {
        var rows = await AssertQuery(async, ss => ss.Entities<Order>().Where(o => o.CustomerId == "C005").Select(o => 1));

        Assert.Equal(Data.Orders.Count(o => o.CustomerId == "C005"), rows.Count);
        AssertRequests(("Query", null));
        Assert.Matches(@"Projection: #n\d+, #n\d+;", SingleRequestExpressions());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_captured_value_is_returned_for_each_item(bool async)
    {
        var flag = true;

        var rows = await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => c.City == "Seattle").Select(c => flag));

        Assert.All(rows, Assert.True);
        Assert.Contains("Projection:", SingleRequestExpressions(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sum_of_a_constant_counts_the_items(bool async)
    {
        await AssertSingleResult(
            async,
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C011").Sum(o => 1),
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C011").SumAsync(o => 1));

        AssertRequests(("Query", null));
        Assert.Matches(@"Projection: #n\d+, #n\d+;", SingleRequestExpressions());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_key_lookup_projecting_an_absent_attribute_still_finds_its_item(bool async)
    {
        // C001 lives in Madrid, which has no region: the item is found, its Region is null.
        var rows = await AssertQuery(
            async,
            ss => ss.Entities<Customer>().Where(c => c.CustomerId == "C001").Select(c => (int?)c.Region!.IndexOf("", StringComparison.Ordinal)),
            ss => ss.Entities<Customer>().Where(c => c.CustomerId == "C001").Select(c => c.Region == null ? null : (int?)c.Region.IndexOf("", StringComparison.Ordinal)));

        Assert.Null(Assert.Single(rows));
        AssertRequests(("GetItem", null));
        Assert.Contains("Projection: #n0, #n1; Names: #n0=Region, #n1=CustomerId", SingleRequestExpressions(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_batch_of_key_lookups_projecting_an_absent_attribute_finds_every_item(bool async)
    {
        string[] ids = ["C001", "C002", "C008"];

        await AssertQuery(async, ss => ss.Entities<Customer>().Where(c => ids.Contains(c.CustomerId)).Select(c => c.Region));

        AssertRequests(("BatchGetItem", null));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Members_of_an_absent_attribute_are_null(bool async)
        => await AssertQuery(
            async,
            ss => ss.Entities<Customer>().Where(c => c.Country == "USA" || c.Country == "Spain")
                .Select(c => new { c.CustomerId, Length = (int?)c.Region!.Length, Upper = (string?)c.Region!.ToUpperInvariant(), Empty = string.IsNullOrEmpty(c.Region) }),
            ss => ss.Entities<Customer>().Where(c => c.Country == "USA" || c.Country == "Spain")
                .Select(c => new
                {
                    c.CustomerId,
                    Length = c.Region == null ? null : (int?)c.Region.Length,
                    Upper = c.Region == null ? null : c.Region.ToUpperInvariant(),
                    Empty = string.IsNullOrEmpty(c.Region)
                }));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_member_of_an_absent_attribute_needed_as_a_value_throws_InvalidOperationException(bool async)
    {
        await using var context = CreateContext();
        var query = context.Customers.Where(c => c.City == "Madrid").Select(c => new { c.Region!.Length });

        var error = async
            ? await Assert.ThrowsAsync<InvalidOperationException>(() => query.ToListAsync())
            : Assert.Throws<InvalidOperationException>(() => query.ToList());

        Assert.Contains("'Customer.Region.Length'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'int?'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_null_check_around_a_nullable_value_is_honoured(bool async)
        => await AssertQuery(
            async,
            ss => ss.Entities<Order>().Where(o => o.CustomerId == "C014")
                .Select(o => new
                {
                    o.OrderId,
                    Day = o.ShippedDate == null ? (DateTime?)null : o.ShippedDate.Value.Date,
                    Shipped = o.ShippedDate.HasValue,
                    OrDefault = o.ShippedDate.GetValueOrDefault()
                }),
            assertOrder: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EF_Property_with_a_captured_name_reads_that_attribute(bool async)
    {
        var name = nameof(Customer.ContactName);

        await AssertQuery(
            async,
            ss => ss.Entities<Customer>().Where(c => c.City == "Bern").Select(c => EF.Property<string>(c, name)),
            ss => ss.Entities<Customer>().Where(c => c.City == "Bern").Select(c => c.ContactName));

        Assert.Matches(@"Projection: #n\d+;.*#n\d+=ContactName", SingleRequestExpressions());
    }

    [Fact]
    public void EF_Property_with_a_name_known_only_when_the_query_runs_is_refused_at_translation()
    {
        var query = EF.CompileQuery((NorthwindContext context, string name) => context.Customers.Select(c => EF.Property<string>(c, name)));
        using var context = CreateContext();

        var error = Assert.Throws<InvalidOperationException>(() => query(context, nameof(Customer.City)).ToList());

        Assert.Contains("could not be translated", error.Message, StringComparison.Ordinal);
        Assert.Contains("EF.Property<string>(c, @name)", error.Message, StringComparison.Ordinal);
        Assert.Contains("'@name', which is known only when the query runs", error.Message, StringComparison.Ordinal);
        Assert.Empty(Recorder.Requests);
    }

    [Fact]
    public async Task A_query_cancelled_before_it_runs_logs_QueryCanceled()
    {
        await using var context = CreateContext();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => context.Customers.ToListAsync(cancellation.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => context.Orders.CountAsync(cancellation.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => context.Orders.SumAsync(o => o.Freight, cancellation.Token));

        Assert.Equal(3, Recorder.Log.Count(l => l.Id == CoreEventId.QueryCanceled));
        Assert.DoesNotContain(Recorder.Log, l => l.Id == CoreEventId.QueryIterationFailed);
        Assert.Empty(Recorder.Requests);
    }

    [Fact]
    public async Task A_query_cancelled_between_pages_stops_reading_and_logs_QueryCanceled()
    {
        await using var context = CreateContext();
        using var cancellation = new CancellationTokenSource();
        var read = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in context.Orders.Where(o => o.CustomerId == "C012").WithPageSize(2).AsAsyncEnumerable().WithCancellation(cancellation.Token))
            {
                if (++read == 2)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        Assert.Equal(2, read);
        AssertRequests(("Query", null));
        Assert.Contains(Recorder.Log, l => l.Id == CoreEventId.QueryCanceled);
    }
}

using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Update;

/// <summary>
///     Saving a graph: one TransactWriteItems for a customer with its orders and lines, foreign keys fixed up by EF Core
///     before the write (an order's partition key is its customer's id); EF Core's delete behaviours on the dependents
///     the context tracks, and nothing done to those it does not.
/// </summary>
public abstract class GraphSaveTests<TFixture>(TFixture fixture)
    where TFixture : ShopFixture
{
    protected TFixture Shop { get; } = Init(fixture);

    private static TFixture Init(TFixture fixture)
    {
        fixture.Store.Recorder.Clear();
        return fixture;
    }

    private RequestRecorder Recorder => Shop.Store.Recorder;

    private string Transaction => Assert.Single(Recorder.Requests, r => r.EventId == DynamoDbEventId.RequestExecuted).Expressions;

    [Fact]
    public async Task A_new_customer_with_orders_and_lines_is_one_TransactWriteItems_with_the_foreign_keys_fixed_up()
    {
        var customer = NewCustomer("new", orders: 2, linesPerOrder: 2);
        await using (var db = Shop.CreateContext())
        {
            db.Customers.Add(customer);
            Assert.Equal(7, await db.SaveChangesAsync());
        }

        Assert.Equal(["TransactWriteItems"], Recorder.Operations);
        Assert.Equal("Items: 7; Operations: Put, Put, Put, Put, Put, Put, Put", Transaction);
        Assert.All(customer.Orders, o => Assert.Equal("new", o.CustomerId));
        Assert.All(customer.Orders.SelectMany(o => o.Lines), l => Assert.Equal(("new", l.Order!.Id), (l.CustomerId, l.OrderId)));
        var stored = await Shop.GetRawItemAsync(Shop.OneTable ? "shop" : "Orders", OrderKey("new", "new-o1"));
        Assert.Equal("new", stored[Shop.OneTable ? "PK" : "CustomerId"].S);
        await using var check = Shop.CreateContext();
        Assert.Equal(["new-o1", "new-o2"], (await check.Orders.Where(o => o.CustomerId == "new").ToListAsync()).Select(o => o.Id).Order());
        Assert.Equal(2, await check.Lines.CountAsync(l => l.OrderId == "new-o2"));
    }

    [Fact]
    public async Task A_graph_of_121_items_is_two_transactions_under_WhenNeeded()
    {
        await using (var db = Shop.CreateContext())
        {
            db.Customers.Add(NewCustomer("big", orders: 60, linesPerOrder: 1));
            Assert.Equal(121, await db.SaveChangesAsync());
        }

        Assert.Equal(["TransactWriteItems", "TransactWriteItems"], Recorder.Operations);
        Assert.Contains(Recorder.Log, l => l.Id == DynamoDbEventId.SaveSplitWarning);
        await using var check = Shop.CreateContext();
        Assert.Equal(60, await check.Orders.CountAsync(o => o.CustomerId == "big"));
    }

    [Fact]
    public async Task A_graph_of_121_items_is_refused_under_Always_before_anything_is_sent()
    {
        await using var db = Shop.CreateContext();
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        db.Customers.Add(NewCustomer("always", orders: 60, linesPerOrder: 1));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains("121 items", error.Message, StringComparison.Ordinal);
        Assert.Empty(Recorder.Requests);
    }

    [Fact]
    public async Task A_modified_customer_with_added_orders_is_one_TransactWriteItems()
    {
        await SeedAsync(NewCustomer("mod", orders: 1, linesPerOrder: 0));
        await using var db = Shop.CreateContext();
        var customer = await db.Customers.SingleAsync(c => c.Id == "mod");
        Recorder.Clear();

        customer.Name = "renamed";
        customer.Orders.Add(new ShopOrder { Id = "mod-o2", Total = 2 });
        customer.Orders.Add(new ShopOrder { Id = "mod-o3", Total = 3 });
        Assert.Equal(3, await db.SaveChangesAsync());

        Assert.Equal(["TransactWriteItems"], Recorder.Operations);
        Assert.Equal("Items: 3; Operations: Put, Put, Update", SortOperations(Transaction));
        Assert.All(customer.Orders, o => Assert.Equal("mod", o.CustomerId));
        await using var check = Shop.CreateContext();
        Assert.Equal("renamed", (await check.Customers.SingleAsync(c => c.Id == "mod")).Name);
        Assert.Equal(3, await check.Orders.CountAsync(o => o.CustomerId == "mod"));
    }

    [Fact]
    public async Task Deleting_a_customer_deletes_its_loaded_orders_in_the_same_transaction_and_leaves_the_lines_not_loaded()
    {
        await SeedAsync(NewCustomer("cascade", orders: 2, linesPerOrder: 1));
        await using (var db = Shop.CreateContext())
        {
            var customer = await db.Customers.SingleAsync(c => c.Id == "cascade");
            await db.Entry(customer).Collection(c => c.Orders).LoadAsync();
            Recorder.Clear();

            db.Customers.Remove(customer);
            Assert.Equal(3, await db.SaveChangesAsync());
        }

        Assert.Equal(["TransactWriteItems"], Recorder.Operations);
        Assert.Equal("Items: 3; Operations: Delete, Delete, Delete", Transaction);
        await using var check = Shop.CreateContext();
        Assert.False(await check.Customers.AnyAsync(c => c.Id == "cascade"));
        Assert.False(await check.Orders.AnyAsync(o => o.CustomerId == "cascade"));
        Assert.Equal(1, await check.Lines.CountAsync(l => l.OrderId == "cascade-o1"));
    }

    [Fact]
    public async Task Deleting_a_customer_whose_orders_are_not_loaded_leaves_them_in_the_table()
    {
        await SeedAsync(NewCustomer("orphans", orders: 2, linesPerOrder: 0));
        await using (var db = Shop.CreateContext())
        {
            db.Customers.Remove(await db.Customers.SingleAsync(c => c.Id == "orphans"));
            Recorder.Clear();

            Assert.Equal(1, await db.SaveChangesAsync());
        }

        Assert.Equal(["DeleteItem"], Recorder.Operations);
        await using var check = Shop.CreateContext();
        Assert.False(await check.Customers.AnyAsync(c => c.Id == "orphans"));
        Assert.Equal(2, await check.Orders.CountAsync(o => o.CustomerId == "orphans"));
    }

    [Fact]
    public async Task ClientSetNull_on_an_optional_foreign_key_removes_it_from_the_loaded_reviews_in_the_same_transaction()
    {
        await SeedAsync(NewCustomer("unset", orders: 0, linesPerOrder: 0), new ShopReview { Id = "unset-r1", CustomerId = "unset" }, new ShopReview { Id = "unset-r2", CustomerId = "unset" });
        await using (var db = Shop.CreateContext())
        {
            var customer = await db.Customers.SingleAsync(c => c.Id == "unset");
            await db.Entry(customer).Collection(c => c.Reviews).LoadAsync();
            Recorder.Clear();

            db.Customers.Remove(customer);
            Assert.Equal(3, await db.SaveChangesAsync());
        }

        Assert.Equal(["TransactWriteItems"], Recorder.Operations);
        Assert.Equal("Items: 3; Operations: Delete, Update, Update", SortOperations(Transaction));
        var review = await Shop.GetRawItemAsync("Reviews", new() { ["Id"] = new AttributeValue("unset-r1") });
        Assert.False(review.ContainsKey("CustomerId"));
        await using var check = Shop.CreateContext();
        Assert.Equal(2, await check.Reviews.CountAsync(r => r.Id == "unset-r1" || r.Id == "unset-r2"));
        Assert.False(await check.Reviews.AnyAsync(r => r.CustomerId == "unset"));
    }

    [Fact]
    public async Task Restrict_on_an_optional_foreign_key_removes_it_from_the_loaded_notes_as_EF_Core_does()
    {
        await SeedAsync(NewCustomer("restrict", orders: 0, linesPerOrder: 0), new ShopNote { Id = "restrict-n1", CustomerId = "restrict" });
        await using (var db = Shop.CreateContext())
        {
            var customer = await db.Customers.SingleAsync(c => c.Id == "restrict");
            await db.Entry(customer).Collection(c => c.Notes).LoadAsync();
            Recorder.Clear();

            db.Customers.Remove(customer);
            Assert.Equal(2, await db.SaveChangesAsync());
        }

        Assert.Equal(["TransactWriteItems"], Recorder.Operations);
        Assert.Equal("Items: 2; Operations: Delete, Update", SortOperations(Transaction));
        var note = await Shop.GetRawItemAsync("Notes", new() { ["Id"] = new AttributeValue("restrict-n1") });
        Assert.False(note.ContainsKey("CustomerId"));
    }

    private static ShopCustomer NewCustomer(string id, int orders, int linesPerOrder)
        => new()
        {
            Id = id,
            Name = "Customer " + id,
            Orders = [.. Enumerable.Range(1, orders).Select(o => new ShopOrder
            {
                Id = $"{id}-o{o}",
                Total = o,
                Lines = [.. Enumerable.Range(1, linesPerOrder).Select(l => new ShopOrderLine { Id = $"l{l}", Product = "p" + l })],
            })],
        };

    private async Task SeedAsync(ShopCustomer customer, params object[] others)
    {
        await using var db = Shop.CreateContext();
        db.Add(customer);
        db.AddRange(others);
        await db.SaveChangesAsync();
        Recorder.Clear();
    }

    private Dictionary<string, AttributeValue> OrderKey(string customerId, string orderId)
        => Shop.OneTable
            ? new() { ["PK"] = new AttributeValue(customerId), ["SK"] = new AttributeValue(orderId) }
            : new() { ["CustomerId"] = new AttributeValue(customerId), ["Id"] = new AttributeValue(orderId) };

    // EF Core orders the entries of a save by their dependencies, not by kind; the test checks the kinds.
    private static string SortOperations(string expressions)
    {
        var (items, operations) = (expressions.Split("; ")[0], expressions.Split("Operations: ")[1]);
        return items + "; Operations: " + string.Join(", ", operations.Split(", ").Order(StringComparer.Ordinal));
    }
}

/// <summary>Customers, orders and lines in tables of their own.</summary>
public class GraphSaveTwoTablesTests(GraphSaveTwoTablesTests.Fixture fixture)
    : GraphSaveTests<GraphSaveTwoTablesTests.Fixture>(fixture), IClassFixture<GraphSaveTwoTablesTests.Fixture>
{
    public class Fixture() : ShopFixture("graph2", oneTable: false);
}

/// <summary>Customers, orders and lines in one table, told apart by the discriminator.</summary>
public class GraphSaveOneTableTests(GraphSaveOneTableTests.Fixture fixture)
    : GraphSaveTests<GraphSaveOneTableTests.Fixture>(fixture), IClassFixture<GraphSaveOneTableTests.Fixture>
{
    public class Fixture() : ShopFixture("graph1", oneTable: true);
}

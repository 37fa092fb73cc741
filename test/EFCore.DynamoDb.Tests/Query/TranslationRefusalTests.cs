using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EFCore.DynamoDb.Tests.Query;

/// <summary>
///     Every LINQ shape is answered or refused at translation with EF Core's "could not be translated" error, never
///     another exception and never later; refusals show the user's expression and what DynamoDB lacks. No database is
///     needed: the context points at a closed port, so any request would fail with another exception.
/// </summary>
public class TranslationRefusalTests
{
    private const string NotTranslated = "could not be translated";

    [Theory]
    [MemberData(nameof(OddShapes))]
    public void An_odd_shape_fails_with_the_translation_error(string name, Action<ShopContext> query)
    {
        using var db = new ShopContext();

        var error = Record.Exception(() => query(db));

        Assert.True(error is InvalidOperationException, $"{name}: {error?.GetType().Name ?? "no exception"}: {error?.Message}");
        Assert.Contains(NotTranslated, error!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("StructuralTypeShaperExpression", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, Action<ShopContext>> OddShapes()
        => new()
        {
            { "collection navigation count in a projection", db => db.Customers.Where(c => c.Id.StartsWith("AB")).Select(c => new { c.Orders.Count }).ToQueryString() },
            { "collection navigation in a projection", db => db.Customers.Select(c => c.Orders).ToQueryString() },
            { "filtered collection navigation in a projection", db => db.Customers.Select(c => new { c.Id, Big = c.Orders.Where(o => o.Total > 1).ToList() }).ToQueryString() },
            { "subquery over another set in a projection", db => db.Customers.Select(c => new { c.Id, Orders = db.Orders.Count(o => o.CustomerId == c.Id) }).ToQueryString() },
            { "collection navigation in a filter", db => db.Customers.Where(c => c.Orders.Any()).ToQueryString() },
            { "collection navigation count in a filter", db => db.Customers.Where(c => c.Orders.Count > 2).ToQueryString() },
            { "correlated subquery in a filter", db => db.Customers.Where(c => db.Orders.Any(o => o.CustomerId == c.Id)).ToQueryString() },
            { "nested subqueries", db => db.Customers.Where(c => db.Customers.Where(x => db.Orders.Any(o => o.CustomerId == x.Id)).Any()).ToQueryString() },
            { "reference navigation in a filter", db => db.Orders.Where(o => o.Customer.Name == "x").ToQueryString() },
            { "Include of a collection", db => db.Customers.Include(c => c.Orders).ToQueryString() },
            { "ThenInclude after a reference of a collection no key serves", db => db.Orders.Include(o => o.Customer).ThenInclude(c => c.Orders).ToQueryString() },
            { "Include of a reference in a projection", db => db.Orders.Include(o => o.Customer).Select(o => new { o, o.Total }).ToQueryString() },
            { "Join", db => db.Orders.Join(db.Customers, o => o.CustomerId, c => c.Id, (o, c) => new { o.Id, c.Name }).ToQueryString() },
            {
                "GroupJoin", db => (from c in db.Customers
                                    join o in db.Orders on c.Id equals o.CustomerId into orders
                                    select new { c.Id, Count = orders.Count() }).ToQueryString()
            },
            { "SelectMany over a navigation", db => db.Customers.SelectMany(c => c.Orders).ToQueryString() },
            { "SelectMany over another set", db => db.Customers.SelectMany(c => db.Orders, (c, o) => new { c.Id, o.Total }).ToQueryString() },
            { "Zip", db => db.Customers.Zip(db.Orders).ToQueryString() },
            { "Aggregate", db => _ = db.Customers.Select(c => c.Number).Aggregate((a, b) => a + b) },
            { "GroupBy", db => db.Customers.GroupBy(c => c.Name).Select(g => g.Key).ToQueryString() },
            { "Distinct", db => db.Customers.Select(c => c.Name).Distinct().ToQueryString() },
            { "local function in a filter", db => db.Customers.Where(c => IsGood(c)).ToQueryString() },
            { "Convert chain around an unsupported method", db => db.Customers.Where(c => ((string)(object)c.Title).EndsWith("t3")).ToQueryString() },
            { "comparison of two properties", db => db.Customers.Where(c => c.Number > c.Year).ToQueryString() },
            { "arithmetic on a property", db => db.Customers.Where(c => c.Number + 1 == 3).ToQueryString() },
            { "Count over a navigation's subquery", db => _ = db.Customers.Count(c => c.Orders.Any(o => o.Total > 1)) },
            { "Sum over a subquery", db => _ = db.Customers.Sum(c => c.Orders.Count) }
        };

    [Theory]
    [InlineData("EndsWith")]
    [InlineData("ToLowerInvariant")]
    [InlineData("StringComparison.OrdinalIgnoreCase")]
    public void A_string_refusal_shows_the_users_expression_and_what_DynamoDB_lacks(string operation)
    {
        using var db = new ShopContext();
        IQueryable<Customer> query = operation switch
        {
            "EndsWith" => db.Customers.Where(t => t.Title.EndsWith("t3")),
            "ToLowerInvariant" => db.Customers.Where(t => t.Title.ToLowerInvariant().Length > 2),
            _ => db.Customers.Where(t => string.Equals(t.Title, "t3", StringComparison.OrdinalIgnoreCase))
        };

        var error = Assert.Throws<InvalidOperationException>(() => query.ToQueryString());

        Assert.Contains(NotTranslated, error.Message, StringComparison.Ordinal);
        Assert.Contains("The condition '", error.Message, StringComparison.Ordinal);
        Assert.Contains("c.Title", error.Message, StringComparison.Ordinal);
        Assert.Contains("has no equivalent of " + operation, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("StructuralTypeShaperExpression", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_names_the_navigation_not_a_join()
    {
        using var db = new ShopContext();

        var error = Assert.Throws<InvalidOperationException>(() => db.Orders.Include(o => o.Customer).ThenInclude(c => c.Orders).ToQueryString());

        // The reference is served; the collection it leads to is not keyed by its foreign key.
        Assert.Contains("Include(c => c.Orders)", error.Message, StringComparison.Ordinal);
        Assert.Contains("of 'Order' is keyed by 'Id'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'Join'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_navigation_in_a_filter_names_the_navigation()
    {
        using var db = new ShopContext();

        var error = Assert.Throws<InvalidOperationException>(() => db.Orders.Where(o => o.Customer.Name == "x").ToQueryString());

        Assert.Contains("The navigation 'Order.Customer' cannot be followed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_collection_navigation_in_a_condition_is_refused_as_a_subquery()
    {
        using var db = new ShopContext();

        var error = Assert.Throws<InvalidOperationException>(() => db.Customers.Where(c => c.Orders.Count > 1).ToQueryString());

        Assert.Contains("reads another query or a collection navigation", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Any")]
    [InlineData("Count")]
    [InlineData("Contains")]
    public void A_collection_stored_as_a_scalar_is_not_searched(string operation)
    {
        using var db = new ShopContext();
        IQueryable<Customer> query = operation switch
        {
            "Any" => db.Customers.Where(c => c.Tags.Any()),
            "Count" => db.Customers.Where(c => c.Tags.Count > 1),
            _ => db.Customers.Where(c => c.Tags.Contains("x"))
        };

        var error = Assert.Throws<InvalidOperationException>(() => query.ToQueryString());

        Assert.Contains(NotTranslated, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{operation}' cannot be applied to 'Customer.Tags': a value converter stores this collection as one S attribute", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Translates_to_the_filter(Expression<Func<Customer, bool>> predicate, string filter)
    {
        using var db = new ShopContext();

        var text = db.Customers.Where(predicate).ToQueryString();

        Assert.Contains("Filter: " + filter, text, StringComparison.Ordinal);
    }

    private static readonly ulong BigNumber = 5;
    private static readonly long LongNumber = 5;
    private static readonly int IntNumber = 5;

    public static TheoryData<Expression<Func<Customer, bool>>, string> Translations()
        => new()
        {
            { c => c.Year.HasValue, "attribute_exists(#n0)" },
            { c => !c.Year.HasValue, "NOT (attribute_exists(#n0))" },
            { c => c.Number.Equals(BigNumber), "(attribute_exists(#n0) AND attribute_not_exists(#n0))" },
            { c => c.Number.Equals(5L), "(attribute_exists(#n0) AND attribute_not_exists(#n0))" },
            { c => c.Year.Equals(LongNumber), "(attribute_exists(#n0) AND attribute_not_exists(#n0))" },
            { c => object.Equals(c.Number, LongNumber), "(attribute_exists(#n0) AND attribute_not_exists(#n0))" },
            { c => !c.Number.Equals(BigNumber), "NOT (attribute_exists(#n0) AND attribute_not_exists(#n0))" },
            { c => c.Number.Equals(IntNumber), "#n0 = :v0" },
            { c => c.Wide.Equals(IntNumber), "#n0 = :v0" },
            { c => object.Equals(c.Number, IntNumber), "#n0 = :v0" },
            { c => c.Title.Equals("t3", StringComparison.Ordinal), "#n0 = :v0" },
            { c => string.Equals(c.Title, "t3", StringComparison.Ordinal), "#n0 = :v0" },
            { c => c.Since < DateTime.UtcNow, "#n0 < :v0" },
            { c => c.Since > DateTime.UtcNow.AddDays(-IntNumber) && c.Since < DateTime.Now, "(#n0 > :v0 AND #n0 < :v1)" },
            { c => c.Title != Guid.NewGuid().ToString(), "#n0 <> :v0" }
        };

    [Fact]
    public void Equals_across_types_with_both_sides_nullable_is_refused()
    {
        using var db = new ShopContext();
        long? value = null;

        var error = Assert.Throws<InvalidOperationException>(() => db.Customers.Where(c => c.Year.Equals(value)).ToQueryString());

        Assert.Contains("compares a int? with a long? through Equals(object)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cast_of_a_converted_key_to_its_provider_type_is_a_key_lookup()
    {
        using var db = new ShopContext();

        var text = db.Coded.Where(o => (string)o.Id == "Id1").ToQueryString();

        Assert.StartsWith("GetItem ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_clock_in_a_filter_is_a_parameter_and_the_compiled_query_is_reused()
    {
        using var db = new ShopContext();

        var first = db.Customers.Where(c => c.Since < DateTime.UtcNow).ToQueryString();
        var second = db.Customers.Where(c => c.Since < DateTime.UtcNow).ToQueryString();

        Assert.Equal(first, second);
    }

    private static bool IsGood(Customer customer) => customer.Number > 0;

    public class Customer
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Title { get; set; } = "";
        public int Number { get; set; }
        public long Wide { get; set; }
        public int? Year { get; set; }
        public DateTime Since { get; set; }
        public List<string> Tags { get; set; } = [];
        public List<Order> Orders { get; set; } = [];
    }

    public class Order
    {
        public string Id { get; set; } = "";
        public string CustomerId { get; set; } = "";
        public decimal Total { get; set; }
        public Customer Customer { get; set; } = null!;
    }

    public readonly record struct Code(string Value)
    {
        public static explicit operator string(Code code) => code.Value;
    }

    public class CodedItem
    {
        public Code Id { get; set; }
        public string Name { get; set; } = "";
    }

    public sealed class ShopContext : DbContext
    {
        public DbSet<Customer> Customers => Set<Customer>();

        public DbSet<Order> Orders => Set<Order>();

        public DbSet<CodedItem> Coded => Set<CodedItem>();

        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
            => optionsBuilder.UseDynamoDb(o => o.ServiceUrl("http://127.0.0.1:1").Credentials("x", "x"));

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Customer>().Property(c => c.Tags)
                .HasConversion(new ValueConverter<List<string>, string>(v => string.Join(',', v), v => v.Split(',', StringSplitOptions.None).ToList()));
            modelBuilder.Entity<CodedItem>().Property(c => c.Id).HasConversion(v => v.Value, v => new Code(v));
        }
    }
}

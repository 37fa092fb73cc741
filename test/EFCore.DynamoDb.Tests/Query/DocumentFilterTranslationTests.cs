using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Tests.Query;

/// <summary>The translation of filters on documents and collections, and of refused filters, without a database.</summary>
public class DocumentFilterTranslationTests
{
    private static readonly HashSet<string> SomeTags = ["x"];

    [Theory]
    [MemberData(nameof(Translations))]
    public void Translates_to_the_filter(Expression<Func<Item, bool>> predicate, string filter)
    {
        using var db = new ItemContext();

        var text = db.Items.Where(predicate).ToQueryString();

        Assert.Contains("Filter: " + filter, text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
    }

    public static TheoryData<Expression<Func<Item, bool>>, string> Translations()
        => new()
        {
            { i => i.Tags.Contains("secret"), "contains(#n0, :v0)" },
            { i => !i.Tags.Contains("secret"), "NOT (contains(#n0, :v0))" },
            { i => i.Numbers.Contains(4), "contains(#n0, :v0)" },
            { i => i.Tags.Count > 1, "size(#n0) > :v0" },
            { i => 3 <= i.Numbers.Count(), "size(#n0) >= :v0" },
            { i => i.Numbers.Count != 2, "size(#n0) <> :v0" },
            { i => i.Array.Length < 2, "size(#n0) < :v0" },
            { i => i.Name.Length <= 7, "size(#n0) <= :v0" },
            { i => i.Tags.Any(), "attribute_exists(#n0)" },
            { i => !i.Numbers.Any(), "NOT (size(#n0) > :v0)" },
            { i => i.Place.City == "secret", "#n0.#n1 = :v0" },
            { i => i.Place.Geo.Lat > 1, "#n0.#n1.#n2 > :v0" },
            { i => i.Place.City == null, "attribute_not_exists(#n0.#n1)" },
            { i => i.Labels["k"] == "secret", "#n0.#n1 = :v0" },
            { i => i.Labels.ContainsKey("k"), "attribute_exists(#n0.#n1)" },
            { i => i.Tags == SomeTags, "#n0 = :v0" },
            { i => i.Place.City!.StartsWith("secret"), "begins_with(#n0.#n1, :v0)" },
            { i => i.Flag.CompareTo(true) == 0, "#n0 = :v0" }
        };

    [Fact]
    public void A_nested_path_names_each_step_by_a_placeholder()
    {
        using var db = new ItemContext();

        var text = db.Items.Where(i => i.Place.City == "x" && i.Labels["City"] == "y").ToQueryString();

        // One placeholder per distinct name: City is shared by both paths.
        Assert.Contains("Filter: (#n0.#n1 = :v0 AND #n2.#n1 = :v1)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nested_path_is_never_a_key()
    {
        using var db = new ItemContext();

        var text = db.Items.Where(i => i.Labels["Id"] == "x").ToQueryString();

        Assert.StartsWith("Scan ", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Refuses_what_the_type_does_not_allow(Expression<Func<Item, bool>> predicate, string message)
    {
        using var db = new ItemContext();

        var error = Assert.Throws<InvalidOperationException>(() => db.Items.Where(predicate).ToQueryString());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<Expression<Func<Item, bool>>, string> Refusals()
        => new()
        {
            { i => i.Flag.CompareTo(true) > 0, "The filter 'gt' cannot be applied to 'Item.Flag', which DynamoDB stores as BOOL. Filters allowed on BOOL: eq, ne" },
            { i => new[] { true }.Contains(i.Flag), "The filter 'in' cannot be applied to 'Item.Flag'" },
            { i => SomeSets.Contains(i.Tags), "The filter 'in' cannot be applied to 'Item.Tags', which DynamoDB stores as SS" },
            { i => i.Array.Contains((byte)1), "The filter 'contains' cannot be applied to 'Item.Array', which DynamoDB stores as B" },
            { i => i.Labels.Contains(Pair), "The filter 'contains' cannot be applied to 'Item.Labels', which DynamoDB stores as M" },
            { i => i.Place.Geo.Lat.CompareTo(1.0) > 0 && i.Labels["k"]!.CompareTo("v") > 0 && i.Flag.CompareTo(false) < 0, "'lt' cannot be applied to 'Item.Flag'" }
        };

    private static readonly HashSet<string>[] SomeSets = [["x"]];
    private static readonly KeyValuePair<string, string> Pair = new("k", "v");

    public class Item
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public bool Flag { get; set; }
        public byte[] Array { get; set; } = [];
        public HashSet<string> Tags { get; set; } = [];
        public List<int> Numbers { get; set; } = [];
        public Dictionary<string, string> Labels { get; set; } = [];
        public Place Place { get; set; } = new();
    }

    public class Place
    {
        public string? City { get; set; }
        public Geo Geo { get; set; } = new();
    }

    public class Geo
    {
        public double Lat { get; set; }
    }

    private sealed class ItemContext : DbContext
    {
        public DbSet<Item> Items => Set<Item>();

        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
            => optionsBuilder.UseDynamoDb(o => o.ServiceUrl("http://127.0.0.1:1").Credentials("x", "x"));

        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<Item>(e => e.ComplexProperty(i => i.Place, p => p.ComplexProperty(x => x.Geo)));
    }
}

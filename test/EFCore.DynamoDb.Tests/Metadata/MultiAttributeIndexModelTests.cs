using EFCore.DynamoDb.Internal;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Tests.Metadata;

/// <summary>Global indexes keyed on several attributes in the model, their table schema, and what validation refuses about them.</summary>
public class MultiAttributeIndexModelTests
{
    [Fact]
    public void Anonymous_types_and_name_lists_declare_the_partition_and_sort_attributes_in_order()
    {
        using var context = new TestContext(b => b.Entity<Ticket>(e =>
        {
            e.HasPartitionKey(t => t.Id);
            e.HasGlobalSecondaryIndex("place-index", t => new { t.Tenant, t.Region }, t => new { t.Status, t.Day });
            e.HasGlobalSecondaryIndex("names-index", ["Tenant", "Priority"], ["Day"]);
            e.HasGlobalSecondaryIndex("status-index", t => t.Status, t => t.Day);
        }));
        var ticket = context.Model.FindEntityType(typeof(Ticket))!;

        var place = ticket.GetGlobalSecondaryIndexes().Single(i => i.Name == "place-index");
        Assert.Equal(["Tenant", "Region"], place.GetPartitionKeyProperties().Select(p => p.Name));
        Assert.Equal(["Status", "Day"], place.GetSortKeyProperties().Select(p => p.Name));
        Assert.Equal(("Tenant", "Status"), (place.GetPartitionKeyProperty().Name, place.GetSortKeyProperty()!.Name));
        var names = ticket.GetGlobalSecondaryIndexes().Single(i => i.Name == "names-index");
        Assert.Equal(["Tenant", "Priority"], names.GetPartitionKeyProperties().Select(p => p.Name));
        Assert.Equal(["Day"], names.GetSortKeyProperties().Select(p => p.Name));
        var status = ticket.GetGlobalSecondaryIndexes().Single(i => i.Name == "status-index");
        Assert.Equal(["Status"], status.GetPartitionKeyProperties().Select(p => p.Name));
        Assert.Equal(["Day"], status.GetSortKeyProperties().Select(p => p.Name));
    }

    [Fact]
    public void The_table_schema_lists_every_key_attribute_with_its_definition()
    {
        using var context = new TestContext(b => b.Entity<Ticket>(e =>
        {
            e.HasPartitionKey(t => t.Id);
            e.HasGlobalSecondaryIndex("place-index", t => new { t.Tenant, t.Priority }, t => new { t.Status, t.Day, t.Region });
        }));
        var schema = new DynamoTableSchema("Tickets", context.Model.FindEntityType(typeof(Ticket))!);

        var request = schema.ToCreateTableRequest();

        Assert.Equal(
            [("Tenant", "HASH"), ("Priority", "HASH"), ("Status", "RANGE"), ("Day", "RANGE"), ("Region", "RANGE")],
            Assert.Single(request.GlobalSecondaryIndexes).KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)));
        Assert.Equal(
            [("Day", "N"), ("Id", "S"), ("Priority", "N"), ("Region", "S"), ("Status", "S"), ("Tenant", "S")],
            request.AttributeDefinitions.Select(d => (d.AttributeName, d.AttributeType.Value)).Order());
        Assert.Equal(
            "Tenant (S, HASH), Priority (N, HASH), Status (S, RANGE), Day (N, RANGE), Region (S, RANGE)",
            schema.DescribeKeySchema(schema.GlobalIndexes[0]));
    }

    [Fact]
    public void More_than_four_partition_attributes_are_refused_naming_them_and_the_limit()
    {
        var error = BuildModel(e => e.HasGlobalSecondaryIndex("wide-index", t => new { t.Tenant, t.Region, t.Status, t.Day, t.Priority }));

        Assert.Equal(DynamoStrings.IndexTooManyPartitionKeyAttributes("Ticket", "wide-index", "Tenant, Region, Status, Day, Priority", 4), error.Message);
        Assert.Contains("more than 4 partition key attributes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_four_sort_attributes_are_refused_naming_them_and_the_limit()
    {
        var error = BuildModel(e => e.HasGlobalSecondaryIndex("deep-index", t => t.Tenant, t => new { t.Region, t.Status, t.Day, t.Priority, t.Title }));

        Assert.Equal(DynamoStrings.IndexTooManySortKeyAttributes("Ticket", "deep-index", "Region, Status, Day, Priority, Title", 4), error.Message);
        Assert.Contains("more than 4 sort key attributes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Four_attributes_on_each_side_are_accepted()
    {
        using var context = new TestContext(b => b.Entity<Ticket>(e =>
        {
            e.HasPartitionKey(t => t.Id);
            e.HasGlobalSecondaryIndex("full-index", t => new { t.Tenant, t.Region, t.Status, t.Day }, t => new { t.Priority, t.Title, t.Code, t.Kind });
        }));

        var index = Assert.Single(context.Model.FindEntityType(typeof(Ticket))!.GetGlobalSecondaryIndexes());
        Assert.Equal((4, 4), (index.GetPartitionKeyProperties().Count, index.GetSortKeyProperties().Count));
    }

    [Fact]
    public void A_joined_composite_inside_a_multi_attribute_key_is_refused_naming_its_components()
    {
        var error = BuildModel(e =>
        {
            e.HasComposite(t => t.Tag, t => t.Kind, t => t.Code);
            e.HasGlobalSecondaryIndex("tag-index", t => new { t.Tenant, t.Tag });
        });

        Assert.Equal(DynamoStrings.IndexMultiAttributeKeyComposite("Ticket", "tag-index", "Tenant, Tag", "Tag", "Kind, Code"), error.Message);
    }

    [Fact]
    public void A_composite_alone_on_each_side_stays_allowed()
    {
        using var context = new TestContext(b => b.Entity<Ticket>(e =>
        {
            e.HasPartitionKey(t => t.Id);
            e.HasComposite(t => t.Tag, t => t.Kind, t => t.Code);
            e.HasGlobalSecondaryIndex("tag-index", t => t.Tag, t => t.Day);
        }));

        Assert.Single(context.Model.FindEntityType(typeof(Ticket))!.GetGlobalSecondaryIndexes());
    }

    [Fact]
    public void A_key_attribute_that_is_not_a_string_number_or_binary_is_refused()
    {
        var error = BuildModel(e => e.HasGlobalSecondaryIndex("flag-index", t => new { t.Tenant, t.Urgent }, t => t.Day));

        Assert.Equal(DynamoStrings.IndexKeyPropertyTypeNotSupported("Ticket", "flag-index", "Urgent", "Boolean"), error.Message);
    }

    [Fact]
    public void Builders_refuse_an_anonymous_type_member_that_is_not_a_property_and_an_empty_partition_key()
    {
        using var context = new TestContext(b => b.Entity<Ticket>(e =>
        {
            e.HasPartitionKey(t => t.Id);
            var computed = Assert.Throws<ArgumentException>(
                () => e.HasGlobalSecondaryIndex("computed-index", t => new { t.Tenant, Upper = t.Region.ToUpperInvariant() }));
            Assert.StartsWith("The expression ", computed.Message, StringComparison.Ordinal);
            Assert.Contains("is not a property access", computed.Message, StringComparison.Ordinal);

            Assert.Throws<ArgumentOutOfRangeException>(() => e.HasGlobalSecondaryIndex("empty-index", [], ["Day"]));
        }));

        Assert.Empty(context.Model.FindEntityType(typeof(Ticket))!.GetGlobalSecondaryIndexes());
    }

    private static InvalidOperationException BuildModel(Action<Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Ticket>> configure)
    {
        using var context = new TestContext(b => b.Entity<Ticket>(e =>
        {
            e.HasPartitionKey(t => t.Id);
            configure(e);
        }));
        return Assert.Throws<InvalidOperationException>(() => context.Model);
    }

    public class Ticket
    {
        public string Id { get; set; } = "";

        public string Tenant { get; set; } = "";

        public string Region { get; set; } = "";

        public string Status { get; set; } = "";

        public int Day { get; set; }

        public int Priority { get; set; }

        public string Title { get; set; } = "";

        public string Kind { get; set; } = "";

        public string Code { get; set; } = "";

        public string Tag { get; set; } = "";

        public bool Urgent { get; set; }
    }

    private sealed class TestContext(Action<ModelBuilder> configure) : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
            => optionsBuilder
                .UseDynamoDb(o => o.ServiceUrl("http://127.0.0.1:1").Credentials("x", "x"))
                .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, NoModelCache>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => configure(modelBuilder);
    }

    private sealed class NoModelCache : Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => new object();
    }
}

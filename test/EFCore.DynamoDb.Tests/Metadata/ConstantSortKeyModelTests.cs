using EFCore.DynamoDb.Internal;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Tests.Metadata;

/// <summary>
///     A constant sort key in the model (the table's sort key, outside the EF primary key), composite prefixes, and what
///     validation refuses about them.
/// </summary>
public class ConstantSortKeyModelTests
{
    [Fact]
    public void A_constant_sort_key_is_the_tables_sort_key_but_not_part_of_the_primary_key()
    {
        using var context = new TestContext(b => ConfigureShop(b));
        var customer = context.Model.FindEntityType(typeof(Customer))!;

        Assert.Equal(["Id"], customer.FindPrimaryKey()!.Properties.Select(p => p.Name));
        Assert.Equal("Id", customer.GetPartitionKeyProperty().Name);
        var sortKey = customer.GetSortKeyProperty()!;
        Assert.Equal(("SK", "SK", true), (sortKey.Name, sortKey.GetAttributeName(), sortKey.IsShadowProperty()));
        Assert.Equal("PROFILE", customer.GetConstantSortKeyValue());
        Assert.Equal(["Id", "SK"], customer.GetTableKeyProperties().Select(p => p.Name));
        Assert.Null(context.Model.FindEntityType(typeof(Order))!.GetConstantSortKeyValue());
    }

    [Fact]
    public void The_table_schema_has_the_constant_sort_key_as_its_range_key()
    {
        using var context = new TestContext(b => ConfigureShop(b));
        var schema = new DynamoTableSchema("Shop", context.Model.FindEntityType(typeof(Customer))!);

        var request = schema.ToCreateTableRequest();

        Assert.Equal([("PK", "HASH"), ("SK", "RANGE")], request.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)));
        Assert.Equal([("PK", "S"), ("SK", "S")], request.AttributeDefinitions.Select(d => (d.AttributeName, d.AttributeType.Value)).Order());
    }

    [Fact]
    public void An_added_entity_gets_the_constant_in_its_sort_key()
    {
        using var context = new TestContext(b => ConfigureShop(b));

        var entry = context.Add(new Customer { Id = "c1" });

        Assert.Equal("PROFILE", entry.Property("SK").CurrentValue);
    }

    [Fact]
    public void A_prefixed_composite_starts_with_its_prefix()
    {
        using var context = new TestContext(b => ConfigureShop(b));

        var entry = context.Add(new Order { CustomerId = "c1", Number = 7, PlacedAt = new DateTime(2026, 5, 1, 10, 0, 0, DateTimeKind.Utc) });

        Assert.Equal("ORDER#2026-05-01T10:00:00.0000000Z#7", entry.Entity.Sk);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_null_or_empty_constant_is_refused_naming_the_entity(string? value)
    {
        var error = Assert.Throws<ArgumentException>(() => new TestContext(b => b.Entity<Customer>().HasConstantSortKey("SK", value!)).Model);

        Assert.StartsWith(DynamoStrings.ConstantSortKeyEmpty("Customer", "SK"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_constant_beside_a_two_property_primary_key_is_refused()
    {
        var error = BuildModel(b => b.Entity<Order>(o =>
        {
            o.HasPartitionKey(x => x.CustomerId);
            o.HasSortKey(x => x.Sk);
            o.HasConstantSortKey("Kind", "ORDER");
        }));

        Assert.Equal(DynamoStrings.ConstantSortKeyWithSortKey("Order", "Kind", "CustomerId, Sk"), error.Message);
    }

    [Fact]
    public void A_constant_whose_type_is_not_the_tables_sort_key_type_is_refused()
    {
        var error = BuildModel(b =>
        {
            ConfigureShop(b);
            b.Entity<Customer>().HasConstantSortKey("SK", 1);
        });

        Assert.Equal(
            DynamoStrings.ConstantSortKeyTypeMismatch("Customer", "SK", DynamoScalarType.Number, "Shop", "Order", "SK", DynamoScalarType.String),
            error.Message);
    }

    [Fact]
    public void A_constant_on_another_attribute_than_the_tables_sort_key_is_refused()
    {
        var error = BuildModel(b =>
        {
            ConfigureShop(b);
            b.Entity<Customer>().HasConstantSortKey("Type", "PROFILE");
        });

        Assert.Equal(
            DynamoStrings.ConstantSortKeyTypeMismatch("Customer", "Type", DynamoScalarType.String, "Shop", "Order", "SK", DynamoScalarType.String),
            error.Message);
    }

    [Fact]
    public void A_constant_in_a_table_whose_other_types_have_no_sort_key_is_refused()
    {
        var error = BuildModel(b =>
        {
            b.Entity<Customer>(c =>
            {
                c.ToDynamoTable("Shop");
                c.HasConstantSortKey("SK", "PROFILE");
            });
            b.Entity<Note>().ToDynamoTable("Shop");
        });

        Assert.Equal(DynamoStrings.ConstantSortKeyTableWithoutSortKey("Customer", "Shop", "Note"), error.Message);
    }

    [Fact]
    public void A_constant_that_is_not_a_string_number_or_binary_is_refused()
    {
        var error = BuildModel(b => b.Entity<Customer>().HasConstantSortKey("SK", true));

        Assert.Equal(DynamoStrings.KeyPropertyTypeNotSupported("Customer", "SK", "Boolean"), error.Message);
    }

    [Fact]
    public void A_constant_on_a_derived_type_is_refused_naming_the_root()
    {
        var error = BuildModel(b =>
        {
            b.Entity<Customer>();
            b.Entity<VipCustomer>().HasConstantSortKey("SK", "VIP");
        });

        Assert.Equal(DynamoStrings.ConstantSortKeyOnDerivedType("VipCustomer", "Customer"), error.Message);
    }

    [Fact]
    public void A_prefix_with_a_merge_is_refused()
    {
        var error = BuildModel(b => b.Entity<Order>(o =>
        {
            o.HasPartitionKey(x => x.CustomerId);
            o.HasSortKey(x => x.Sk);
            o.HasComposite(x => x.Sk, x => x.Number).HasPrefix("ORDER#").HasMerge(x => "ORDER#" + x.Number);
        }));

        Assert.Equal(DynamoStrings.CompositePrefixWithMerge("Order", "Sk"), error.Message);
    }

    private static void ConfigureShop(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>(c =>
        {
            c.ToDynamoTable("Shop");
            c.HasPartitionKey(x => x.Id);
            c.Property(x => x.Id).HasAttributeName("PK");
            c.HasConstantSortKey("SK", "PROFILE");
        });
        modelBuilder.Entity<Order>(o =>
        {
            o.ToDynamoTable("Shop");
            o.HasPartitionKey(x => x.CustomerId);
            o.HasSortKey(x => x.Sk);
            o.Property(x => x.CustomerId).HasAttributeName("PK");
            o.Property(x => x.Sk).HasAttributeName("SK");
            o.HasComposite(x => x.Sk, x => x.PlacedAt, x => x.Number).HasSeparator("#").HasPrefix("ORDER#");
        });
    }

    private static InvalidOperationException BuildModel(Action<ModelBuilder> configure)
    {
        using var context = new TestContext(configure);
        return Assert.Throws<InvalidOperationException>(() => context.Model);
    }

    public class Customer
    {
        public string Id { get; set; } = "";

        public string Name { get; set; } = "";
    }

    public class VipCustomer : Customer;

    public class Order
    {
        public string CustomerId { get; set; } = "";

        public string Sk { get; set; } = "";

        public int Number { get; set; }

        public DateTime PlacedAt { get; set; }
    }

    public class Note
    {
        public string Id { get; set; } = "";
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

using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Tests.Infrastructure;

/// <summary>What DynamoDB cannot store is refused when the model is built, naming the entity and property.</summary>
public partial class ModelValidationTests
{
    [Fact]
    public void A_keyless_entity_type_is_refused()
    {
        var error = BuildModel(b => b.Entity<Thing>().HasNoKey());

        Assert.Contains("'Thing' has no key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entity_type_without_any_key_gets_EFs_error()
    {
        var error = BuildModel(b => b.Entity<NoKey>());

        Assert.Contains("NoKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("primary key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_of_three_properties_is_refused()
    {
        var error = BuildModel(b => b.Entity<Thing>().HasKey(t => new { t.Id, t.Name, t.Count }));

        Assert.Contains("'Thing' has a key of more than two properties (Id, Name, Count)", error.Message, StringComparison.Ordinal);
        Assert.Contains("HasPartitionKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_boolean_key_is_refused()
    {
        var error = BuildModel(b => b.Entity<Thing>().HasPartitionKey(t => t.Flag));

        Assert.Contains("'Thing.Flag'", error.Message, StringComparison.Ordinal);
        Assert.Contains("string, number or binary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_properties_in_one_attribute_are_refused()
    {
        var error = BuildModel(b => b.Entity<Thing>().Property(t => t.Name).HasAttributeName("Count"));

        Assert.Contains("'Thing.Count' and 'Thing.Name' are both mapped to the attribute 'Count'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("has space")]
    [InlineData("ünicode")]
    public void An_invalid_table_name_is_refused(string name)
    {
        var error = BuildModel(b => b.Entity<Thing>().ToDynamoTable(name));

        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Thing'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_property_type_gets_EFs_error_naming_it()
    {
        var error = BuildModel(b => b.Entity<WithHandle>());

        Assert.Contains("WithHandle.Handle", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(WithBoolSet), "WithBoolSet.Flags", "HashSet<bool>")]
    [InlineData(typeof(WithIntKeyedMap), "WithIntKeyedMap.ByNumber", "Dictionary<int, string>")]
    public void An_unsupported_collection_is_refused_naming_the_property(Type entityType, string property, string clrType)
    {
        var error = BuildModel(b => b.Entity(entityType));

        Assert.Contains($"'{property}' of type '{clrType}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("dictionaries with string keys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicitly_configured_unsupported_collection_is_refused()
    {
        var error = BuildModel(b => b.Entity<WithBoolSet>().Property(e => e.Flags));

        Assert.Contains("'WithBoolSet.Flags' of type 'HashSet<bool>'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_set_cannot_be_a_key()
    {
        var error = BuildModel(b => b.Entity<WithBoolSet>(e =>
        {
            e.Ignore(x => x.Flags);
            e.HasKey(x => x.Tags);
        }));

        Assert.Contains("'WithBoolSet.Tags'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Owned_types_are_stored_in_their_owners_item()
    {
        using var context = new TestContext(b => b.Entity<WithOwned>(e =>
        {
            e.OwnsOne(x => x.Address);
            e.OwnsMany(x => x.Previous, p => p.ToAttribute("previous"));
        }));

        var owner = context.Model.FindEntityType(typeof(WithOwned))!;
        var address = owner.FindNavigation(nameof(WithOwned.Address))!.TargetEntityType;
        var previous = owner.FindNavigation(nameof(WithOwned.Previous))!.TargetEntityType;
        Assert.Equal("WithOwned", address.GetDynamoTableName());
        Assert.Equal("Address", address.GetContainingAttributeName());
        Assert.Equal("previous", previous.GetContainingAttributeName());
        var ordinalKey = previous.FindPrimaryKey()!.Properties[1];
        Assert.Equal(Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd, ordinalKey.ValueGenerated);
        Assert.Equal(Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never, previous.FindPrimaryKey()!.Properties[0].ValueGenerated);
    }

    [Fact]
    public void An_owned_type_with_a_table_of_its_own_is_refused()
    {
        var error = BuildModel(b => b.Entity<WithOwned>(e =>
        {
            e.OwnsOne(x => x.Address, a => a.OwnedEntityType.SetDynamoTableName("addresses"));
            e.Ignore(x => x.Previous);
        }));

        Assert.Contains("'WithOwned.Address'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'addresses'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_concurrency_token_in_an_owned_type_is_refused()
    {
        var error = BuildModel(b => b.Entity<WithOwned>(e =>
        {
            e.OwnsMany(x => x.Previous, a => a.Property(x => x.Street).IsConcurrencyToken());
            e.Ignore(x => x.Address);
        }));

        Assert.Contains("'PostalAddress.Street'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'WithOwned.Previous'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_owned_navigation_in_the_attribute_of_a_property_is_refused()
    {
        var error = BuildModel(b => b.Entity<WithOwned>(e =>
        {
            e.Property(x => x.Id).HasAttributeName("home");
            e.OwnsOne(x => x.Address, a => a.ToAttribute("home"));
            e.Ignore(x => x.Previous);
        }));

        Assert.Contains("'WithOwned.Id' and 'WithOwned.Address' are both mapped to the attribute 'home'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Complex_types_and_collections_are_accepted()
    {
        using var context = new TestContext(b => b.Entity<WithOwned>(e =>
        {
            e.ComplexProperty(x => x.Address);
            e.ComplexCollection(x => x.Previous);
        }));

        Assert.True(context.Model.FindEntityType(typeof(WithOwned))!.FindComplexProperty(nameof(WithOwned.Previous))!.IsCollection);
    }

    [Fact]
    public void Keys_follow_the_conventions_and_the_key_builders()
    {
        using var conventional = new TestContext(_ => { });
        var thing = conventional.Model.FindEntityType(typeof(Thing))!;
        Assert.Equal("Id", thing.GetPartitionKeyProperty().Name);
        Assert.Null(thing.GetSortKeyProperty());
        Assert.Equal("Things", thing.GetDynamoTableName());

        using var configured = new TestContext(b => b.Entity<Thing>(e =>
        {
            e.HasSortKey(t => t.Count);
            e.HasPartitionKey(t => t.Name);
            e.ToDynamoTable("things.v2");
        }));
        thing = configured.Model.FindEntityType(typeof(Thing))!;
        Assert.Equal("Name", thing.GetPartitionKeyProperty().Name);
        Assert.Equal("Count", thing.GetSortKeyProperty()!.Name);
        Assert.Equal("things.v2", thing.GetDynamoTableName());
    }

    [Fact]
    public void Only_Guid_keys_are_generated_on_add()
    {
        using var context = new TestContext(b => b.Entity<WithGuid>());

        Assert.Equal(Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd,
            context.Model.FindEntityType(typeof(WithGuid))!.FindProperty(nameof(WithGuid.Id))!.ValueGenerated);
        Assert.Equal(Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never,
            context.Model.FindEntityType(typeof(Thing))!.FindProperty(nameof(Thing.Id))!.ValueGenerated);
    }

    [Fact]
    public void A_composite_component_that_is_not_a_property_is_refused()
    {
        var error = BuildModel(b => b.Entity<Thing>().HasComposite("Name", "Missing"));

        Assert.Contains("'Thing.Name' names the component 'Missing'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_joined_composite_must_be_a_string()
    {
        var error = BuildModel(b => b.Entity<Thing>().HasComposite(t => t.Count, t => t.Name));

        Assert.Contains("'Thing.Count' is of type 'Int32'", error.Message, StringComparison.Ordinal);
        Assert.Contains("HasMerge", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_composite_of_itself_is_refused()
    {
        var error = BuildModel(b => b.Entity<Thing>().HasComposite(t => t.Name, t => t.Name));

        Assert.Contains("'Thing.Name' has the component 'Name'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Types_sharing_a_table_with_different_keys_are_refused()
    {
        var error = BuildModel(b =>
        {
            b.Entity<Thing>().ToDynamoTable("shared");
            b.Entity<WithGuid>().ToDynamoTable("shared");
        });

        Assert.Contains("'WithGuid' and 'Thing' share the table 'shared'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Types_sharing_a_table_get_a_discriminator()
    {
        using var context = new TestContext(b =>
        {
            b.Entity<Thing>().ToDynamoTable("shared");
            b.Entity<OtherThing>().ToDynamoTable("shared");
        });

        var discriminator = context.Model.FindEntityType(typeof(OtherThing))!.FindDiscriminatorProperty();
        Assert.Equal("Discriminator", discriminator!.Name);
        Assert.Equal("OtherThing", context.Model.FindEntityType(typeof(OtherThing))!.GetDiscriminatorValue());
    }

    private static InvalidOperationException BuildModel(Action<ModelBuilder> configure)
    {
        using var context = new TestContext(configure);
        return Assert.Throws<InvalidOperationException>(() => context.Model);
    }

    public class Thing
    {
        public int Id { get; set; }

        public string Name { get; set; } = "";

        public int Count { get; set; }

        public bool Flag { get; set; }
    }

    public class NoKey
    {
        public string Name { get; set; } = "";
    }

    public class WithHandle
    {
        public int Id { get; set; }

        public nint Handle { get; set; }
    }

    public class OtherThing
    {
        public int Id { get; set; }
    }

    public class WithBoolSet
    {
        public int Id { get; set; }

        public HashSet<string> Tags { get; set; } = [];

        public HashSet<bool> Flags { get; set; } = [];
    }

    public class WithIntKeyedMap
    {
        public int Id { get; set; }

        public Dictionary<int, string> ByNumber { get; set; } = [];
    }

    public class WithOwned
    {
        public int Id { get; set; }

        public PostalAddress Address { get; set; } = new();

        public List<PostalAddress> Previous { get; set; } = [];
    }

    public class PostalAddress
    {
        public string Street { get; set; } = "";
    }

    public class WithGuid
    {
        public Guid Id { get; set; }
    }

    private sealed class TestContext(Action<ModelBuilder> configure) : DbContext
    {
        public DbSet<Thing> Things => Set<Thing>();

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

using EFCore.DynamoDb.Design.Internal;
using EFCore.DynamoDb.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;

namespace EFCore.DynamoDb.Tests.Design;

/// <summary>The design-time services as dotnet ef builds them: compiled-model code for every annotation, and clear refusals.</summary>
public class CompiledModelCodeGenerationTests
{
    [Fact]
    public void Every_provider_annotation_is_written_into_the_compiled_model()
    {
        var code = GenerateCompiledModel(b => b.Entity<Gadget>(e =>
        {
            e.ToDynamoTable("gadgets").HasPartitionKey(g => g.Owner).HasSortKey(g => g.Key);
            e.HasComposite(g => g.Key, g => g.Kind, g => g.Serial).HasSeparator("|");
            e.Property(g => g.Kind).HasAttributeName("k");
            e.HasProvisionedThroughput(4, 2).HasTimeToLive(g => g.Expires);
            e.HasGlobalSecondaryIndex("by-kind", g => g.Kind, g => g.Serial).ProjectsInclude(g => g.Expires).HasProvisionedThroughput(3, 1);
            e.HasGlobalSecondaryIndex("by-owner-kind", g => new { g.Owner, g.Kind }, g => g.Serial);
        }));

        Assert.Contains("AddAnnotation(\"DynamoDb:TableName\", \"gadgets\")", code, StringComparison.Ordinal);
        Assert.Contains("AddAnnotation(\"DynamoDb:PartitionKey\", \"Owner\")", code, StringComparison.Ordinal);
        Assert.Contains("AddAnnotation(\"DynamoDb:SortKey\", \"Key\")", code, StringComparison.Ordinal);
        Assert.Contains("AddAnnotation(\"DynamoDb:CompositeComponents\", new[] { \"Kind\", \"Serial\" })", code, StringComparison.Ordinal);
        Assert.Contains("AddAnnotation(\"DynamoDb:CompositeSeparator\", \"|\")", code, StringComparison.Ordinal);
        Assert.Contains("new DynamoCompositeValueGeneratorFactory().Create", code, StringComparison.Ordinal);
        Assert.Contains("AddAnnotation(\"DynamoDb:AttributeName\", \"k\")", code, StringComparison.Ordinal);
        Assert.Contains("AddAnnotation(\"DynamoDb:TimeToLiveProperty\", \"Expires\")", code, StringComparison.Ordinal);
        Assert.Contains("AddAnnotation(\"DynamoDb:IndexKind\", DynamoIndexKind.Global)", code, StringComparison.Ordinal);
        Assert.Contains("AddAnnotation(\"DynamoDb:IndexProjection\", DynamoProjectionType.Include)", code, StringComparison.Ordinal);
        Assert.Contains("AddAnnotation(\"DynamoDb:IndexIncludedProperties\", new[] { \"Expires\" })", code, StringComparison.Ordinal);
        Assert.Contains("AddAnnotation(\"DynamoDb:ReadCapacityUnits\", 3L)", code, StringComparison.Ordinal);
        Assert.Contains("AddAnnotation(\"DynamoDb:WriteCapacityUnits\", 2L)", code, StringComparison.Ordinal);
        Assert.Contains("AddAnnotation(\"DynamoDb:IndexPartitionKeyCount\", 2)", code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_constant_sort_key_and_a_composite_prefix_are_written_into_the_compiled_model()
    {
        var code = GenerateCompiledModel(b => b.Entity<Gadget>(e =>
        {
            e.HasPartitionKey(g => g.Owner).HasConstantSortKey("SK", "PROFILE");
            e.HasComposite(g => g.Key, g => g.Serial).HasPrefix("G#");
        }));

        Assert.Contains("AddAnnotation(\"DynamoDb:ConstantSortKey\", \"SK\")", code, StringComparison.Ordinal);
        Assert.Contains("AddAnnotation(\"DynamoDb:ConstantSortKeyValue\", \"PROFILE\")", code, StringComparison.Ordinal);
        Assert.Contains("new DynamoConstantValueGeneratorFactory().Create", code, StringComparison.Ordinal);
        Assert.Contains("AddAnnotation(\"DynamoDb:CompositePrefix\", \"G#\")", code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_merge_function_is_refused_naming_the_composite()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => GenerateCompiledModel(b => b.Entity<Gadget>(e =>
        {
            e.HasPartitionKey(g => g.Owner).HasSortKey(g => g.Serial);
            e.HasComposite(g => g.Key, g => g.Kind).HasMerge(g => g.Kind.ToUpperInvariant());
        })));

        Assert.Equal(DynamoStrings.CompiledModelCompositeMerge(nameof(Gadget), nameof(Gadget.Key)), exception.Message);
    }

    [Fact]
    public void A_check_is_refused_naming_the_entity_type_and_the_check()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => GenerateCompiledModel(b => b.Entity<Gadget>(e =>
            e.HasPartitionKey(g => g.Owner).HasSortKey(g => g.Serial).HasCheck("serial-positive", g => g.Serial > 0))));

        Assert.Equal(DynamoStrings.CompiledModelCheck(nameof(Gadget), "serial-positive"), exception.Message);
    }

    [Fact]
    public void Migrations_are_refused_pointing_to_EnsureCreated_and_UpdateDynamoSchema()
    {
        using var context = new GadgetContext(b => b.Entity<Gadget>().HasPartitionKey(g => g.Owner));
        using var services = CreateDesignTimeServices(context);

        var exception = Assert.Throws<OperationException>(() => services.GetService<IMigrator>());

        Assert.Equal(DynamoStrings.MigrationsNotSupported("EFCore.DynamoDb"), exception.Message);
    }

    private static string GenerateCompiledModel(Action<ModelBuilder> configure)
    {
        using var context = new GadgetContext(configure);
        using var services = CreateDesignTimeServices(context);
        var options = new CompiledModelCodeGenerationOptions
        {
            ContextType = typeof(GadgetContext),
            ModelNamespace = "Generated",
            Language = "C#",
            UseNullableReferenceTypes = true,
        };
        var files = services.GetRequiredService<ICompiledModelCodeGeneratorSelector>().Select(options)
            .GenerateModel(context.GetService<IDesignTimeModel>().Model, options);
        return string.Join('\n', files.Select(f => f.Code));
    }

    private static ServiceProvider CreateDesignTimeServices(DbContext context)
    {
        var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices().AddDbContextDesignTimeServices(context);
        new DynamoDesignTimeServices().ConfigureDesignTimeServices(services);
        return services.BuildServiceProvider();
    }

    public class Gadget
    {
        public string Owner { get; set; } = "";

        public string Key { get; private set; } = null!;

        public string Kind { get; set; } = "";

        public int Serial { get; set; }

        public long Expires { get; set; }
    }

    public sealed class GadgetContext(Action<ModelBuilder> configure) : DbContext
    {
        public DbSet<Gadget> Gadgets => Set<Gadget>();

        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
            => optionsBuilder
                .UseDynamoDb(o => o.ServiceUrl("http://127.0.0.1:1").Credentials("x", "x"))
                .ReplaceService<IModelCacheKeyFactory, NoModelCache>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => configure(modelBuilder);
    }

    private sealed class NoModelCache : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => new object();
    }
}

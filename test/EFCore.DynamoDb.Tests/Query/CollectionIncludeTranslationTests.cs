using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Tests.Query;

/// <summary>
///     An Include of a collection is served when the foreign key is the partition key of the dependents' table or of a
///     global index, as one Query of the partition when principal and dependents share it, and otherwise refused at
///     translation, naming the table and its key. No database is needed.
/// </summary>
public class CollectionIncludeTranslationTests
{
    [Fact]
    public void A_collection_in_the_principals_partition_is_read_with_the_principal_by_one_Query()
    {
        using var db = new ShopContext();

        var request = db.Customers.Where(c => c.Id == "c1").Include(c => c.Orders).ToQueryString();

        Assert.StartsWith("Query shop", request, StringComparison.Ordinal);
        Assert.Contains("KeyCondition: #n0 = :v0; Filter: (#n1 = :v1 OR #n1 = :v2)", request, StringComparison.Ordinal);
    }

    [Fact]
    public void A_collection_whose_foreign_key_no_key_or_index_holds_is_refused_naming_the_table_and_key()
    {
        using var db = new ShopContext();

        var error = Assert.Throws<InvalidOperationException>(() => db.Customers.Include(c => c.Notes).ToQueryString());

        Assert.Contains("could not be translated", error.Message, StringComparison.Ordinal);
        Assert.Contains("Include(c => c.Notes)", error.Message, StringComparison.Ordinal);
        Assert.Contains("the table 'Note' of 'Note' is keyed by 'Id'", error.Message, StringComparison.Ordinal);
    }

    public class Customer
    {
        public string Id { get; set; } = "";

        public string Sk { get; set; } = "PROFILE";

        public List<Order> Orders { get; set; } = [];

        public List<Note> Notes { get; set; } = [];
    }

    public class Order
    {
        public string CustomerId { get; set; } = "";

        public string Sk { get; set; } = "";
    }

    public class Note
    {
        public string Id { get; set; } = "";

        public string CustomerId { get; set; } = "";
    }

    public sealed class ShopContext : DbContext
    {
        public DbSet<Customer> Customers => Set<Customer>();

        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
            => optionsBuilder.UseDynamoDb(o => o.ServiceUrl("http://127.0.0.1:1").Credentials("x", "x"));

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Customer>(c =>
            {
                c.ToDynamoTable("shop");
                c.HasPartitionKey(x => x.Id);
                c.HasSortKey(x => x.Sk);
                c.Property(x => x.Id).HasAttributeName("PK");
                c.Property(x => x.Sk).HasAttributeName("SK");
                c.HasMany(x => x.Orders).WithOne().HasForeignKey(o => o.CustomerId).HasPrincipalKey(x => x.Id);
                c.HasMany(x => x.Notes).WithOne().HasForeignKey(n => n.CustomerId).HasPrincipalKey(x => x.Id);
            });
            modelBuilder.Entity<Order>(o =>
            {
                o.ToDynamoTable("shop");
                o.HasPartitionKey(x => x.CustomerId);
                o.HasSortKey(x => x.Sk);
                o.Property(x => x.CustomerId).HasAttributeName("PK");
                o.Property(x => x.Sk).HasAttributeName("SK");
            });
            modelBuilder.Entity<Note>();
        }
    }
}

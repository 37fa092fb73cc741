using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace EFCore.DynamoDb.FunctionalTests.Northwind;

/// <summary>
///     Other mappings of the Northwind tables, for the shapes the plain model cannot show: navigations between
///     customers and orders, a key behind a value converter, and a collection a converter stores as one string.
/// </summary>
public class NorthwindMappingsContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<RelatedCustomer> Customers => Set<RelatedCustomer>();

    public DbSet<RelatedOrder> Orders => Set<RelatedOrder>();

    public DbSet<CodedProduct> Products => Set<CodedProduct>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RelatedCustomer>(customer =>
        {
            customer.ToDynamoTable("Customers");
            customer.HasPartitionKey(c => c.CustomerId);
            customer.Property(c => c.ContactName).HasConversion(
                words => string.Join(' ', words),
                text => text.Split(' ', StringSplitOptions.None).ToList(),
                new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), words => words.Count, words => words.ToList()));
            customer.HasMany(c => c.Orders).WithOne(o => o.Customer).HasForeignKey(o => o.CustomerId);
        });

        modelBuilder.Entity<RelatedOrder>(order =>
        {
            order.ToDynamoTable("Orders");
            order.HasPartitionKey(o => o.CustomerId);
            order.HasSortKey(o => o.OrderDate);
        });

        modelBuilder.Entity<CodedProduct>(product =>
        {
            product.ToDynamoTable("Products");
            product.HasPartitionKey(p => p.ProductId);
            product.Property(p => p.ProductId).HasConversion(code => code.Number, number => new ProductCode(number));
        });
    }
}

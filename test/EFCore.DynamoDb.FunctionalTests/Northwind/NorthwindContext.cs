using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Northwind;

/// <summary>Northwind for DynamoDB: customers, their orders (one partition per customer) and products.</summary>
public class NorthwindContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<Product> Products => Set<Product>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>(customer =>
        {
            customer.HasPartitionKey(c => c.CustomerId);
            customer.HasGlobalSecondaryIndex("city-index", c => c.City, c => c.CompanyName);
        });

        modelBuilder.Entity<Order>(order =>
        {
            order.HasPartitionKey(o => o.CustomerId);
            order.HasSortKey(o => o.OrderDate);
            order.HasLocalSecondaryIndex("freight-index", o => o.Freight);
        });

        modelBuilder.Entity<Product>(product =>
        {
            product.HasPartitionKey(p => p.ProductId);
            product.HasGlobalSecondaryIndex("category-index", p => p.CategoryId, p => p.UnitPrice);
        });
    }
}

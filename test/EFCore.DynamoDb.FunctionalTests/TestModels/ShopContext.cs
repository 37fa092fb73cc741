using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.TestModels;

/// <summary>
///     Customers, orders and order lines in three tables, or in one table (single-table design: a generic "PK"/"SK" key,
///     the customer's item sorted under "PROFILE", told apart by the discriminator); reviews and notes in tables of
///     their own either way. Either way an order's partition key is its customer's id.
/// </summary>
public class ShopContext(DbContextOptions options, bool oneTable) : DbContext(options)
{
    public bool OneTable => oneTable;

    public DbSet<ShopCustomer> Customers => Set<ShopCustomer>();

    public DbSet<ShopOrder> Orders => Set<ShopOrder>();

    public DbSet<ShopOrderLine> Lines => Set<ShopOrderLine>();

    public DbSet<ShopReview> Reviews => Set<ShopReview>();

    public DbSet<ShopNote> Notes => Set<ShopNote>();

    // The two models of one context type each need their own entry in the model cache.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
        => optionsBuilder.ReplaceService<IModelCacheKeyFactory, ShopModelCacheKeyFactory>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ShopCustomer>(customer =>
        {
            customer.HasPartitionKey(c => c.Id);
            if (oneTable)
            {
                customer.ToDynamoTable("shop").HasSortKey(c => c.Sort);
                customer.Property(c => c.Id).HasAttributeName("PK");
                customer.Property(c => c.Sort).HasAttributeName("SK");
            }
            else
            {
                customer.Ignore(c => c.Sort);
            }
        });

        modelBuilder.Entity<ShopOrder>(order =>
        {
            order.HasPartitionKey(o => o.CustomerId).HasSortKey(o => o.Id);
            var customer = order.HasOne(o => o.Customer).WithMany(c => c.Orders).HasForeignKey(o => o.CustomerId);
            if (oneTable)
            {
                order.ToDynamoTable("shop");
                order.Property(o => o.CustomerId).HasAttributeName("PK");
                order.Property(o => o.Id).HasAttributeName("SK");
                customer.HasPrincipalKey(c => c.Id);
            }
        });

        modelBuilder.Entity<ShopOrderLine>(line =>
        {
            line.HasPartitionKey(l => l.OrderId).HasSortKey(l => l.Id);
            line.HasOne(l => l.Order).WithMany(o => o.Lines).HasForeignKey(l => new { l.CustomerId, l.OrderId });
            if (oneTable)
            {
                line.ToDynamoTable("shop");
                line.Property(l => l.OrderId).HasAttributeName("PK");
                line.Property(l => l.Id).HasAttributeName("SK");
            }
        });

        modelBuilder.Entity<ShopReview>(review =>
        {
            review.HasGlobalSecondaryIndex("by-customer", r => r.CustomerId);
            var customer = review.HasOne(r => r.Customer).WithMany(c => c.Reviews).HasForeignKey(r => r.CustomerId);
            if (oneTable)
            {
                customer.HasPrincipalKey(c => c.Id);
            }
        });

        modelBuilder.Entity<ShopNote>(note =>
        {
            var customer = note.HasOne(n => n.Customer).WithMany(c => c.Notes).HasForeignKey(n => n.CustomerId).OnDelete(DeleteBehavior.Restrict);
            if (oneTable)
            {
                customer.HasPrincipalKey(c => c.Id);
            }
        });
    }
}

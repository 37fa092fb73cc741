using Microsoft.EntityFrameworkCore;

namespace DesignApp;

/// <summary>Uses every mapping a compiled model has to carry: table, keys, composite, attribute names, indexes, TTL, inheritance.</summary>
public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
    public DbSet<Order> Orders => Set<Order>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Order>(order =>
        {
            order.ToDynamoTable("ShopOrders");
            order.HasPartitionKey(o => o.CustomerId);
            order.HasSortKey(o => o.OrderKey);
            order.HasComposite(o => o.OrderKey, o => o.Region, o => o.Number).HasSeparator("#");
            order.Property(o => o.Status).HasAttributeName("st");
            order.HasProvisionedThroughput(5, 5);
            order.HasTimeToLive(o => o.ExpiresAt);
            order.HasGlobalSecondaryIndex("ByStatus", o => o.Status, o => o.Total)
                .ProjectsInclude(o => o.Region)
                .HasProvisionedThroughput(3, 2);
            order.HasLocalSecondaryIndex("ByTotal", o => o.Total).ProjectsKeysOnly();
            modelBuilder.Entity<ExpressOrder>();
        });
}

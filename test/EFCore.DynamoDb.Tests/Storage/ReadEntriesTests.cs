using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.Tests.Storage;

/// <summary>Which tracked entries count as read: marked ones, while the context tracks them, until the context is reset.</summary>
public class ReadEntriesTests
{
    private static InternalEntityEntry Entry(DbContext context, Order order) => context.Entry(order).GetInfrastructure();

    [Fact]
    public void An_entity_detached_and_attached_again_no_longer_counts_as_read()
    {
        using var context = new OrderContext();
        var readEntries = context.GetService<IDynamoReadEntries>();
        var order = context.Attach(new Order { Id = "1" }).Entity;
        readEntries.MarkRead(Entry(context, order));

        context.Entry(order).State = EntityState.Detached;
        context.Attach(order);

        Assert.False(readEntries.WasRead(Entry(context, order)));
    }

    [Fact]
    public void Pruning_the_detached_entries_keeps_the_tracked_ones_read()
    {
        using var context = new OrderContext();
        var readEntries = context.GetService<IDynamoReadEntries>();
        var orders = Enumerable.Range(0, 3000).Select(i => context.Attach(new Order { Id = i.ToString(CultureInfo.InvariantCulture) }).Entity).ToList();
        foreach (var order in orders)
        {
            readEntries.MarkRead(Entry(context, order));
            if (int.Parse(order.Id, CultureInfo.InvariantCulture) % 2 == 0)
            {
                context.Entry(order).State = EntityState.Detached;
            }
        }

        Assert.All(orders.Where((_, i) => i % 2 == 1), o => Assert.True(readEntries.WasRead(Entry(context, o))));
        Assert.All(orders.Where((_, i) => i % 2 == 0), o => Assert.False(readEntries.WasRead(Entry(context, context.Attach(o).Entity))));
    }

    [Fact]
    public void A_reset_context_forgets_what_it_read()
    {
        using var context = new OrderContext();
        var readEntries = context.GetService<IDynamoReadEntries>();
        var entry = Entry(context, context.Attach(new Order { Id = "1" }).Entity);
        readEntries.MarkRead(entry);

        readEntries.ResetState();

        Assert.False(readEntries.WasRead(entry));
    }

    public class Order
    {
        public string Id { get; set; } = "";
    }

    private sealed class OrderContext : DbContext
    {
        public DbSet<Order> Orders => Set<Order>();

        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
            => optionsBuilder.UseDynamoDb(o => o.ServiceUrl("http://127.0.0.1:1"));
    }
}

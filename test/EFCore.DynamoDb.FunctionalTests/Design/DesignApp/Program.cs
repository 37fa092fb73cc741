using DesignApp;
using Microsoft.EntityFrameworkCore;

// Saves, queries and prints the same things with either model: args are the service URL and a table prefix.
using (var setup = ShopContextFactory.Create(args[0], args[1]))
{
    Console.WriteLine($"model: {setup.Model.GetType().Name}");
    setup.Database.EnsureCreated();
    setup.Orders.AddRange(
        new Order { CustomerId = "c1", Region = "eu", Number = 1, Status = "open", Total = 10.5m, ExpiresAt = 2_000_000_000 },
        new Order { CustomerId = "c1", Region = "eu", Number = 2, Status = "shipped", Total = 20m },
        new ExpressOrder { CustomerId = "c1", Region = "us", Number = 3, Status = "open", Total = 30m, Priority = 1 },
        new Order { CustomerId = "c2", Region = "us", Number = 4, Status = "open", Total = 5m });
    setup.SaveChanges();
}

using var context = ShopContextFactory.Create(args[0], args[1]);
var found = context.Orders.Find("c1", "eu#1")!;
Console.WriteLine($"find: {found.OrderKey} {found.Status} {found.Total} {found.ExpiresAt}");
foreach (var order in context.Orders.Where(o => o.CustomerId == "c1" && o.OrderKey.StartsWith("eu")).OrderByDescending(o => o.OrderKey))
{
    Console.WriteLine($"query: {order.OrderKey} {order.GetType().Name}");
}

foreach (var order in context.Orders.Where(o => o.Status == "open" && o.Total > 6).Select(o => new { o.Region, o.Total }).ToList().OrderBy(o => o.Total))
{
    Console.WriteLine($"index: {order.Region} {order.Total}");
}

Console.WriteLine($"express: {context.Orders.OfType<ExpressOrder>().Where(o => o.CustomerId == "c1").Single().Priority}");
found.Status = "shipped";
found.Total = 11m;
context.SaveChanges();
var changed = context.Orders.AsNoTracking().Single(o => o.CustomerId == "c1" && o.OrderKey == "eu#1");
Console.WriteLine($"saved: {changed.Status} {changed.Total}");
foreach (var change in context.Database.UpdateDynamoSchema(dryRun: true))
{
    Console.WriteLine($"schema: {change}");
}

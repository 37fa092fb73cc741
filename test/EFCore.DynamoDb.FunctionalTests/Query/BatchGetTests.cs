using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>keys.Contains(x.Id) reads by key with BatchGetItem, 100 keys a request.</summary>
public class BatchGetTests : IClassFixture<BatchGetTests.Fixture>
{
    private readonly Fixture _fixture;

    public BatchGetTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    [Fact]
    public async Task Contains_over_150_keys_is_two_BatchGetItem_calls()
    {
        await using var db = _fixture.CreateContext();
        var ids = Enumerable.Range(0, 150).Select(i => $"c{i:D3}").ToList();

        var customers = await db.Customers.Where(c => ids.Contains(c.Id)).ToListAsync();

        Assert.Equal(150, customers.Count);
        Assert.Equal(ids, customers.Select(c => c.Id).Order());
        Assert.Equal(["BatchGetItem", "BatchGetItem"], _fixture.Store.Recorder.Operations);
    }

    [Fact]
    public void Missing_keys_are_simply_absent_and_Count_works_sync()
    {
        using var db = _fixture.CreateContext();
        var ids = new[] { "c001", "nope", "c199" };

        Assert.Equal(2, db.Customers.Count(c => ids.Contains(c.Id)));
        Assert.Equal(["c001", "c199"], db.Customers.Where(c => ids.Contains(c.Id)).Select(c => c.Id).AsEnumerable().Order());
    }

    [Fact]
    public async Task A_filter_besides_the_keys_is_applied_to_the_items_read_by_key()
    {
        await using var db = _fixture.CreateContext();
        var ids = new[] { "c001", "c002" };

        var customers = await db.Customers.Where(c => ids.Contains(c.Id) && c.Name.StartsWith("Customer 1")).ToListAsync();

        Assert.Equal("c001", Assert.Single(customers).Id);
        Assert.Equal(["BatchGetItem"], _fixture.Store.Recorder.Operations);
    }

    public class Customer
    {
        public string Id { get; set; } = null!;

        public string Name { get; set; } = null!;
    }

    public class CustomerContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Customer> Customers => Set<Customer>();
    }

    public class Fixture() : DynamoDbFixture<CustomerContext>("batchget", options => new CustomerContext(options))
    {
        protected override Task SeedAsync(CustomerContext context)
        {
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
            context.Customers.AddRange(Enumerable.Range(0, 200).Select(i => new Customer { Id = $"c{i:D3}", Name = $"Customer {i}" }));
            return context.SaveChangesAsync();
        }
    }
}

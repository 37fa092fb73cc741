using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Tests.Query;

/// <summary>
///     An Include of a reference navigation is served when the principal's table key can be built from the foreign key,
///     and otherwise refused at translation, naming the navigation and what is missing. No database is needed.
/// </summary>
public class ReferenceIncludeTranslationTests
{
    [Fact]
    public void A_principal_keyed_by_its_partition_key_is_served_and_the_main_read_is_shown()
        => Assert.StartsWith("Scan ", new AccountContext().Orders.Include(o => o.Customer).ToQueryString(), StringComparison.Ordinal);

    [Fact]
    public void A_principal_sort_key_the_foreign_key_does_not_carry_is_refused_by_name()
    {
        using var db = new AccountContext();

        var error = Assert.Throws<InvalidOperationException>(() => db.Invoices.Include(i => i.Account).ToQueryString());

        Assert.Contains("could not be translated", error.Message, StringComparison.Ordinal);
        Assert.Contains("Include(i => i.Account)", error.Message, StringComparison.Ordinal);
        Assert.Contains("the sort key 'Region' of 'Account' is not part of what the foreign key references", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ThenInclude_after_a_reference_is_refused_by_its_own_name_when_its_principal_cannot_be_read_by_key()
    {
        using var db = new AccountContext();

        var error = Assert.Throws<InvalidOperationException>(() => db.Orders.Include(o => o.Customer).ThenInclude(c => c!.Account).ToQueryString());

        Assert.Contains("Include(c => c.Account)", error.Message, StringComparison.Ordinal);
        Assert.Contains("the sort key 'Region' of 'Account'", error.Message, StringComparison.Ordinal);
    }

    public class Customer
    {
        public string Id { get; set; } = "";
        public string? AccountId { get; set; }
        public Account? Account { get; set; }
    }

    public class Order
    {
        public string Id { get; set; } = "";
        public string? CustomerId { get; set; }
        public Customer? Customer { get; set; }
    }

    public class Account
    {
        public string Id { get; set; } = "";
        public string Region { get; set; } = "";
    }

    public class Invoice
    {
        public string Id { get; set; } = "";
        public string? AccountId { get; set; }
        public Account? Account { get; set; }
    }

    public sealed class AccountContext : DbContext
    {
        public DbSet<Order> Orders => Set<Order>();

        public DbSet<Invoice> Invoices => Set<Invoice>();

        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
            => optionsBuilder.UseDynamoDb(o => o.ServiceUrl("http://127.0.0.1:1").Credentials("x", "x"));

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Customer>().HasOne(c => c.Account).WithMany().HasForeignKey(c => c.AccountId).HasPrincipalKey(a => a.Id);
            modelBuilder.Entity<Account>(a =>
            {
                a.HasPartitionKey(x => x.Id);
                a.HasSortKey(x => x.Region);
            });
            modelBuilder.Entity<Invoice>().HasOne(i => i.Account).WithMany().HasForeignKey(i => i.AccountId).HasPrincipalKey(a => a.Id);
        }
    }
}

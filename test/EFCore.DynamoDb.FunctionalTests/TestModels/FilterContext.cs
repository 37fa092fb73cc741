using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.TestModels;

public class FilterContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<FilterRow> Rows => Set<FilterRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<FilterRow>(e => e.ComplexProperty(r => r.Home));
}

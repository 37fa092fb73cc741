using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.PackageTests;

public class NoteContext(DbContextOptions<NoteContext> options) : DbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Note>(note =>
        {
            note.HasPartitionKey(n => n.Owner);
            note.HasSortKey(n => n.Id);
        });
}

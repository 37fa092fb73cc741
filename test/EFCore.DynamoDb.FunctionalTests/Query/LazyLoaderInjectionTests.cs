using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
///     Lazy loading without proxies: entities given EF Core's <see cref="ILazyLoader" /> through their constructor load a
///     navigation on first access, with the same requests as explicit loading.
/// </summary>
public class LazyLoaderInjectionTests : IClassFixture<LazyLoaderInjectionTests.Fixture>
{
    private readonly Fixture _fixture;

    public LazyLoaderInjectionTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    [Fact]
    public void A_collection_is_one_Query_on_the_partition_key_on_first_access()
    {
        using var db = _fixture.CreateContext();
        var author = db.Authors.Single(a => a.Id == "a1");
        _fixture.Store.Recorder.Clear();

        Assert.Equal(["b1", "b2"], author.Books.Select(b => b.Id).Order());
        Assert.Equal(2, author.Books.Count);

        Assert.Equal(["Query"], _fixture.Store.Recorder.Operations);
    }

    [Fact]
    public async Task A_reference_is_one_GetItem_on_first_access()
    {
        await using var db = _fixture.CreateContext();
        var book = await db.Books.SingleAsync(b => b.AuthorId == "a1" && b.Id == "b2");
        _fixture.Store.Recorder.Clear();

        Assert.Equal("Author a1", book.Author!.Name);
        Assert.Same(book.Author, book.Author.Books.Single(b => b.Id == "b2").Author);

        Assert.Equal(["GetItem", "Query"], _fixture.Store.Recorder.Operations);
    }

    public class Author
    {
        private readonly ILazyLoader? _lazyLoader;
        private List<Book>? _books;

        public Author()
        {
        }

        private Author(ILazyLoader lazyLoader) => _lazyLoader = lazyLoader;

        public string Id { get; set; } = null!;

        public string Name { get; set; } = "";

        public List<Book> Books
        {
            get
            {
                _lazyLoader?.Load(this, ref _books);
                return _books ??= [];
            }
            set => _books = value;
        }
    }

    public class Book
    {
        private readonly ILazyLoader? _lazyLoader;
        private Author? _author;

        public Book()
        {
        }

        private Book(ILazyLoader lazyLoader) => _lazyLoader = lazyLoader;

        public string AuthorId { get; set; } = null!;

        public string Id { get; set; } = null!;

        public Author? Author
        {
            get => _lazyLoader == null ? _author : _lazyLoader.Load(this, ref _author);
            set => _author = value;
        }
    }

    public class LibraryContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Author> Authors => Set<Author>();

        public DbSet<Book> Books => Set<Book>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<Book>().HasPartitionKey(b => b.AuthorId).HasSortKey(b => b.Id);
    }

    public class Fixture() : DynamoDbFixture<LibraryContext>("lazyloader", options => new LibraryContext(options))
    {
        protected override Task SeedAsync(LibraryContext context)
        {
            context.Authors.Add(new Author { Id = "a1", Name = "Author a1", Books = [new Book { Id = "b1" }, new Book { Id = "b2" }] });
            return context.SaveChangesAsync();
        }
    }
}

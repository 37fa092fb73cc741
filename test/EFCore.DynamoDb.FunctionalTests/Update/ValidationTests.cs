using System.ComponentModel.DataAnnotations;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Update;

/// <summary>Flywheel's checks and not-nullable fields: bad entities are refused before anything is sent.</summary>
public class ValidationTests : IClassFixture<ValidationTests.Fixture>
{
    private readonly Fixture _fixture;

    public ValidationTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    [Fact]
    public async Task Not_nullable_a_required_property_without_a_value_is_refused()
    {
        await using var db = _fixture.CreateContext();
        db.Users.Add(new User { Id = "u1", Name = null!, Age = 3 });

        var error = await Assert.ThrowsAsync<ValidationException>(() => db.SaveChangesAsync());

        Assert.Contains("'User.Name'", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fixture.Store.Recorder.Requests);
    }

    [Fact]
    public async Task A_Required_attribute_on_a_nullable_property_is_enforced()
    {
        await using var db = _fixture.CreateContext();
        db.Users.Add(new User { Id = "u2", Name = "x", Age = 3, Email = null });

        var error = await Assert.ThrowsAsync<ValidationException>(() => db.SaveChangesAsync());

        Assert.Contains("'User.Nickname'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MaxLength_is_enforced()
    {
        await using var db = _fixture.CreateContext();
        db.Users.Add(new User { Id = "u3", Name = new string('n', 21), Age = 3, Nickname = "n" });

        var error = await Assert.ThrowsAsync<ValidationException>(() => db.SaveChangesAsync());

        Assert.Contains("'User.Name' has length 21, over its maximum length of 20", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valid_check_saves_and_invalid_check_is_refused_on_insert_and_update()
    {
        await using (var db = _fixture.CreateContext())
        {
            db.Users.Add(new User { Id = "u4", Name = "ok", Age = 30, Nickname = "k" });
            await db.SaveChangesAsync();
        }

        await using (var db = _fixture.CreateContext())
        {
            db.Users.Add(new User { Id = "u5", Name = "young", Age = -1, Nickname = "k" });
            var error = await Assert.ThrowsAsync<ValidationException>(() => db.SaveChangesAsync());
            Assert.Contains("'User' entity fails its check 'AgeIsNatural'", error.Message, StringComparison.Ordinal);
        }

        _fixture.Store.Recorder.Clear();
        await using (var db = _fixture.CreateContext())
        {
            var user = (await db.Users.FindAsync("u4"))!;
            user.Age = 0;
            var error = await Assert.ThrowsAsync<ValidationException>(() => db.SaveChangesAsync());
            Assert.Contains("NameIsNotAge", error.Message, StringComparison.Ordinal);
            Assert.Equal(["GetItem"], _fixture.Store.Recorder.Operations);
        }
    }

    [Fact]
    public async Task An_item_over_400_KB_is_refused_naming_its_size()
    {
        await using var db = _fixture.CreateContext();
        db.Users.Add(new User { Id = "u6", Name = "big", Age = 1, Nickname = "k", Bio = new string('b', 410 * 1024) });

        var error = await Assert.ThrowsAsync<ValidationException>(() => db.SaveChangesAsync());

        Assert.Contains("'User' entity makes an item of 4198", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fixture.Store.Recorder.Requests);
    }

    // A put sends no key of its own: the key attributes of its item are checked instead.
    [Fact]
    public async Task An_insert_with_an_empty_key_is_refused_before_anything_is_sent()
    {
        await using var db = _fixture.CreateContext();
        db.Users.Add(new User { Id = "", Name = "empty", Age = 1, Nickname = "k" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains("The key property 'User.Id' has no value", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fixture.Store.Recorder.Requests);
    }

    [Fact]
    public async Task Nothing_of_a_SaveChanges_is_sent_when_one_entry_is_invalid()
    {
        await using var db = _fixture.CreateContext();
        db.Users.Add(new User { Id = "u7", Name = "fine", Age = 1, Nickname = "k" });
        db.Users.Add(new User { Id = "u8", Name = "bad", Age = -5, Nickname = "k" });

        await Assert.ThrowsAsync<ValidationException>(() => db.SaveChangesAsync());

        Assert.Empty(_fixture.Store.Recorder.Requests);
    }

    public class User
    {
        public string Id { get; set; } = null!;

        [MaxLength(20)]
        public string Name { get; set; } = null!;

        public int Age { get; set; }

        [Required]
        public string? Nickname { get; set; }

        public string? Email { get; set; }

        public string? Bio { get; set; }
    }

    public class UserContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<User> Users => Set<User>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<User>()
                .HasCheck("AgeIsNatural", u => u.Age >= 0)
                .HasCheck("NameIsNotAge", u => u.Age > 0 || u.Name.Length > 10);
    }

    public class Fixture() : DynamoDbFixture<UserContext>("validation", options => new UserContext(options));
}

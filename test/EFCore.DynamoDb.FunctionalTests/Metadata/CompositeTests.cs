using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Metadata;

/// <summary>Flywheel's TestComposite scenarios: composites computed from components, as keys and as merged scores.</summary>
public class CompositeTests : IClassFixture<CompositeTests.Fixture>
{
    private readonly Fixture _fixture;

    public CompositeTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    [Fact]
    public async Task Composite_field_joins_its_components()
    {
        await using var db = _fixture.CreateContext();
        var item = new SocialMediaItem { UserId = "abc", Type = "facebook", Id = "12345" };

        db.Items.Add(item);

        Assert.Equal("facebook:12345", item.Uid);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Composite_store_writes_the_composite_attribute_and_Find_reads_it_back()
    {
        await using (var db = _fixture.CreateContext())
        {
            db.Items.Add(new SocialMediaItem { UserId = "store", Type = "twitter", Id = "42" });
            await db.SaveChangesAsync();
        }

        var raw = await _fixture.GetRawItemAsync("Items", new() { ["UserId"] = new() { S = "store" }, ["Uid"] = new() { S = "twitter:42" } });
        Assert.Equal("twitter", raw["Type"].S);

        await using (var db = _fixture.CreateContext())
        {
            var item = await db.Items.FindAsync("store", "twitter:42");
            Assert.Equal("42", item!.Id);
        }
    }

    [Fact]
    public async Task No_change_composite_hash_changing_a_key_component_is_refused()
    {
        await using (var db = _fixture.CreateContext())
        {
            db.Items.Add(new SocialMediaItem { UserId = "key", Type = "instagram", Id = "1" });
            await db.SaveChangesAsync();
        }

        _fixture.Store.Recorder.Clear();
        await using (var db = _fixture.CreateContext())
        {
            var item = (await db.Items.FindAsync("key", "instagram:1"))!;
            item.Id = "2";

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

            Assert.Contains("SocialMediaItem.Uid", error.Message, StringComparison.Ordinal);
            Assert.Contains("delete", error.Message, StringComparison.Ordinal);
            Assert.Equal(["GetItem"], _fixture.Store.Recorder.Operations);
        }
    }

    [Fact]
    public async Task Setting_a_composite_directly_is_refused_not_ignored()
    {
        await using (var db = _fixture.CreateContext())
        {
            db.Posts.Add(new Post { UserId = "direct", Id = "p", Likes = 1 });
            await db.SaveChangesAsync();
        }

        await using (var db = _fixture.CreateContext())
        {
            var post = (await db.Posts.FindAsync("direct", "p"))!;
            post.Score = 1000;

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("Post.Score", error.Message, StringComparison.Ordinal);
            Assert.Contains("cannot be set directly", error.Message, StringComparison.Ordinal);
        }

        await using (var db = _fixture.CreateContext())
        {
            var item = new SocialMediaItem { UserId = "direct", Type = "a", Id = "b", Uid = "ILikeThisIDBetter" };
            var error = Assert.Throws<InvalidOperationException>(() => { db.Items.Add(item); db.SaveChanges(); });
            Assert.Contains("SocialMediaItem.Uid", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Composite_score_is_merged_by_the_custom_function()
    {
        await using var db = _fixture.CreateContext();
        var post = new Post { UserId = "score", Id = "1", Likes = 10, Replies = 2 };

        db.Posts.Add(post);
        await db.SaveChangesAsync();

        Assert.Equal(20, post.Score);
        var raw = await _fixture.GetRawItemAsync("Posts", new() { ["UserId"] = new() { S = "score" }, ["Id"] = new() { S = "1" } });
        Assert.Equal("20", raw["Score"].N);
    }

    [Fact]
    public async Task Update_composite_score_changes_it_in_the_same_UpdateItem()
    {
        await using (var db = _fixture.CreateContext())
        {
            db.Posts.Add(new Post { UserId = "update", Id = "1", Likes = 1, Replies = 1 });
            await db.SaveChangesAsync();
        }

        _fixture.Store.Recorder.Clear();
        await using (var db = _fixture.CreateContext())
        {
            var post = (await db.Posts.FindAsync("update", "1"))!;
            post.Replies = 3;
            await db.SaveChangesAsync();
            Assert.Equal(16, post.Score);
        }

        var update = Assert.Single(_fixture.Store.Recorder.Requests, r => r.Operation == "UpdateItem");
        Assert.Contains("=Score", update.Expressions, StringComparison.Ordinal);
        Assert.Contains("=Replies", update.Expressions, StringComparison.Ordinal);
        await using (var db = _fixture.CreateContext())
        {
            Assert.Equal(16, (await db.Posts.FindAsync("update", "1"))!.Score);
        }
    }

    [Fact]
    public async Task Update_composite_fields_recomputes_a_joined_non_key_composite()
    {
        await using (var db = _fixture.CreateContext())
        {
            db.Items.Add(new SocialMediaItem { UserId = "label", Type = "blog", Id = "7", Region = "eu", City = "Paris" });
            await db.SaveChangesAsync();
        }

        await using (var db = _fixture.CreateContext())
        {
            var item = (await db.Items.FindAsync("label", "blog:7"))!;
            Assert.Equal("eu/Paris", item.Location);
            item.City = "Lyon";
            await db.SaveChangesAsync();
        }

        await using (var db = _fixture.CreateContext())
        {
            Assert.Equal("eu/Lyon", (await db.Items.FindAsync("label", "blog:7"))!.Location);
        }
    }

    [Fact]
    public async Task Set_composite_null_removes_the_attribute()
    {
        await using (var db = _fixture.CreateContext())
        {
            db.Posts.Add(new Post { UserId = "null", Id = "1", Likes = 5 });
            await db.SaveChangesAsync();
        }

        await using (var db = _fixture.CreateContext())
        {
            var post = (await db.Posts.FindAsync("null", "1"))!;
            post.Deleted = true;
            await db.SaveChangesAsync();
            Assert.Null(post.Score);
        }

        var raw = await _fixture.GetRawItemAsync("Posts", new() { ["UserId"] = new() { S = "null" }, ["Id"] = new() { S = "1" } });
        Assert.False(raw.ContainsKey("Score"));
        Assert.True(raw["Deleted"].BOOL);
    }

    [Fact]
    public async Task An_entity_attached_with_Update_and_changed_components_gets_its_composite_recomputed()
    {
        await using (var db = _fixture.CreateContext())
        {
            db.Posts.Add(new Post { UserId = "attach", Id = "1", Likes = 1 });
            await db.SaveChangesAsync();
        }

        await using (var db = _fixture.CreateContext())
        {
            db.Posts.Update(new Post { UserId = "attach", Id = "1", Likes = 4, Score = 1 });
            await db.SaveChangesAsync();
        }

        await using (var db = _fixture.CreateContext())
        {
            Assert.Equal(4, (await db.Posts.FindAsync("attach", "1"))!.Score);
        }
    }

    [Fact]
    public async Task Empty_string_initializers_on_a_composite_sort_key_count_as_unset()
    {
        await using (var db = _fixture.CreateContext())
        {
            var first = new Tag { Owner = "empty", Kind = "color", Name = "red" };
            var second = new Tag { Owner = "empty", Kind = "size", Name = "xl" };

            db.Tags.Add(first);
            db.Tags.Add(second);

            Assert.Equal(("color:red", "size:xl"), (first.Uid, second.Uid));
            await db.SaveChangesAsync();
        }

        Assert.Equal(["TransactWriteItems"], _fixture.Store.Recorder.Operations);
        await using var check = _fixture.CreateContext();
        Assert.Equal("xl", (await check.Tags.FindAsync("empty", "size:xl"))!.Name);
        Assert.Equal(2, await check.Tags.CountAsync(t => t.Owner == "empty"));
    }

    [Fact]
    public async Task Empty_string_initializers_on_a_composite_partition_key_count_as_unset()
    {
        await using (var db = _fixture.CreateContext())
        {
            db.Badges.AddRange(new Badge { Group = "gold", Code = "1" }, new Badge { Group = "gold", Code = "2" });
            db.SaveChanges();
        }

        await using var check = _fixture.CreateContext();
        Assert.Equal("2", (await check.Badges.FindAsync("gold:2"))!.Code);
    }

    public class SocialMediaItem
    {
        public string UserId { get; set; } = null!;

        public string Type { get; set; } = null!;

        public string Id { get; set; } = null!;

        public string Uid { get; set; } = null!;

        public string? Region { get; set; }

        public string? City { get; set; }

        public string? Location { get; set; }
    }

    public class Post
    {
        public string UserId { get; set; } = null!;

        public string Id { get; set; } = null!;

        public int Likes { get; set; }

        public int Replies { get; set; }

        public bool Deleted { get; set; }

        public int? Score { get; set; }
    }

    // Non-nullable strings initialized the usual C# way, composites included.
    public class Tag
    {
        public string Owner { get; set; } = "";

        public string Kind { get; set; } = "";

        public string Name { get; set; } = "";

        public string Uid { get; set; } = "";
    }

    public class Badge
    {
        public string Key { get; set; } = "";

        public string Group { get; set; } = "";

        public string Code { get; set; } = "";
    }

    public class SocialContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<SocialMediaItem> Items => Set<SocialMediaItem>();

        public DbSet<Post> Posts => Set<Post>();

        public DbSet<Tag> Tags => Set<Tag>();

        public DbSet<Badge> Badges => Set<Badge>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<SocialMediaItem>(item =>
            {
                item.HasPartitionKey(i => i.UserId);
                item.HasSortKey(i => i.Uid);
                item.HasComposite(i => i.Uid, i => i.Type, i => i.Id);
                item.HasComposite(i => i.Location, i => i.Region, i => i.City).HasSeparator("/");
            });
            modelBuilder.Entity<Post>(post =>
            {
                post.HasPartitionKey(p => p.UserId);
                post.HasSortKey(p => p.Id);
                post.HasComposite(p => p.Score, p => p.Likes, p => p.Replies, p => p.Deleted)
                    .HasMerge(p => p.Deleted ? null : p.Likes + 5 * p.Replies);
            });
            modelBuilder.Entity<Tag>(tag =>
            {
                tag.HasPartitionKey(t => t.Owner);
                tag.HasSortKey(t => t.Uid);
                tag.HasComposite(t => t.Uid, t => t.Kind, t => t.Name);
            });
            modelBuilder.Entity<Badge>(badge =>
            {
                badge.HasPartitionKey(b => b.Key);
                badge.HasComposite(b => b.Key, b => b.Group, b => b.Code);
            });
        }
    }

    public class Fixture() : DynamoDbFixture<SocialContext>("composite", options => new SocialContext(options));
}

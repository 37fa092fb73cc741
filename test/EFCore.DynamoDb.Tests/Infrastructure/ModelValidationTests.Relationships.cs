using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Tests.Infrastructure;

/// <summary>Relationships DynamoDB cannot serve are refused when the model is built, naming the types and navigation.</summary>
public partial class ModelValidationTests
{
    [Fact]
    public void Many_to_many_is_refused_naming_the_navigation()
    {
        var error = BuildModel(b => b.Entity<Post>().HasMany(p => p.Tags).WithMany(t => t.Posts));

        Assert.Contains("navigation 'Post.Tags' is a many-to-many relationship with 'Tag'", error.Message, StringComparison.Ordinal);
        Assert.Contains("entity type of its own", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_owned_type_with_a_navigation_to_an_entity_type_is_refused()
    {
        var error = BuildModel(b => b.Entity<Profile>().OwnsOne(x => x.Byline, o => o.HasOne(x => x.Author).WithMany()));

        Assert.Contains(
            "owned entity type 'Byline' (the navigation 'Profile.Byline') has the relationship 'Byline.Author' with the entity type 'Author'",
            error.Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DeleteBehavior.ClientSetNull)]
    [InlineData(DeleteBehavior.SetNull)]
    public void Setting_a_foreign_key_in_the_dependents_key_to_null_is_refused(DeleteBehavior deleteBehavior)
    {
        var error = BuildModel(b => b.Entity<Comment>(c =>
        {
            c.HasPartitionKey(x => x.PostId).HasSortKey(x => x.Id);
            c.HasOne(x => x.Post).WithMany().HasForeignKey(x => x.PostId).OnDelete(deleteBehavior);
            b.Entity<Post>().Ignore(x => x.Tags);
        }));

        Assert.Contains(
            $"from 'Comment' to 'Post' sets its foreign key to null when the 'Post' is deleted (DeleteBehavior.{deleteBehavior}), but 'Comment.PostId' is part of the key",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_foreign_key_in_the_dependents_key_cascades_by_default()
    {
        using var context = new TestContext(b =>
        {
            b.Entity<Post>().Ignore(x => x.Tags);
            b.Entity<Comment>(c =>
            {
                c.HasPartitionKey(x => x.PostId).HasSortKey(x => x.Id);
                c.HasOne(x => x.Post).WithMany().HasForeignKey(x => x.PostId);
            });
        });

        Assert.Equal(DeleteBehavior.Cascade, context.Model.FindEntityType(typeof(Comment))!.GetForeignKeys().Single().DeleteBehavior);
    }

    public class Post
    {
        public string Id { get; set; } = "";

        public List<Tag> Tags { get; set; } = [];
    }

    public class Tag
    {
        public string Id { get; set; } = "";

        public List<Post> Posts { get; set; } = [];
    }

    public class Profile
    {
        public string Id { get; set; } = "";

        public Byline? Byline { get; set; }
    }

    public class Byline
    {
        public string? AuthorId { get; set; }

        public Author? Author { get; set; }
    }

    public class Author
    {
        public string Id { get; set; } = "";
    }

    public class Comment
    {
        public string PostId { get; set; } = "";

        public string Id { get; set; } = "";

        public Post? Post { get; set; }
    }
}

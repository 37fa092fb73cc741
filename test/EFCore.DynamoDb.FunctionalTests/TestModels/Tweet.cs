namespace EFCore.DynamoDb.FunctionalTests.TestModels;

/// <summary>The Tweet model of Flywheel's schema documentation: one item per user and tweet id.</summary>
public class Tweet
{
    public string UserId { get; set; } = null!;

    public string Id { get; set; } = null!;

    public string? City { get; set; }

    public DateTime Ts { get; set; }

    public int Retweets { get; set; }

    public int Likes { get; set; }

    public string? Text { get; set; }

    public DateTime? ExpiresAt { get; set; }
}

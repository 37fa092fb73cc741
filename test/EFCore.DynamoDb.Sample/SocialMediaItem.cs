namespace EFCore.DynamoDb.Sample;

/// <summary>
///     Flywheel's composite-key example: a tweet id may collide with a facebook id, so the sort key <c>Uid</c> is
///     the composite "type:id".
/// </summary>
public class SocialMediaItem
{
    public required string UserId { get; set; }

    public required string Type { get; set; }

    public required string Id { get; set; }

    public string Uid { get; private set; } = null!;

    public string? Text { get; set; }
}

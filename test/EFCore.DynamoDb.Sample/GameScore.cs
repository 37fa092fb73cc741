namespace EFCore.DynamoDb.Sample;

/// <summary>The GameScore model from Flywheel's README: one item per user and game title.</summary>
public class GameScore
{
    public required string UserId { get; set; }

    public required string Title { get; set; }

    public int TopScore { get; set; }

    public DateTime TopScoreTime { get; set; }

    public int Wins { get; set; }

    public int Losses { get; set; }
}

namespace EFCore.DynamoDb.FunctionalTests.TestModels;

public class GameScore
{
    public string UserId { get; set; } = null!;

    public string Title { get; set; } = null!;

    public int TopScore { get; set; }

    public DateTime TopScoreTime { get; set; }

    public int Wins { get; set; }

    public int Losses { get; set; }

    public string? Comment { get; set; }

    public GameMode Mode { get; set; }

    public static GameScore[] CreateSeed()
        =>
        [
            new() { UserId = "101", Title = "Galaxy Invaders", TopScore = 5842, TopScoreTime = new DateTime(2015, 9, 15, 17, 24, 31, DateTimeKind.Utc), Wins = 21, Losses = 72, Mode = GameMode.Solo },
            new() { UserId = "101", Title = "Meteor Blasters", TopScore = 1000, TopScoreTime = new DateTime(2015, 10, 22, 23, 18, 1, DateTimeKind.Utc), Wins = 12, Losses = 3, Comment = "nice", Mode = GameMode.Versus },
            new() { UserId = "101", Title = "Starship X", TopScore = 24, TopScoreTime = new DateTime(2015, 8, 31, 13, 14, 21, DateTimeKind.Utc), Wins = 4, Losses = 9, Mode = GameMode.Solo },
            new() { UserId = "102", Title = "Alien Adventure", TopScore = 192, TopScoreTime = new DateTime(2015, 7, 12, 11, 7, 56, DateTimeKind.Utc), Wins = 32, Losses = 192, Mode = GameMode.Coop },
            new() { UserId = "102", Title = "Galaxy Invaders", TopScore = 0, TopScoreTime = new DateTime(2015, 9, 18, 7, 33, 42, DateTimeKind.Utc), Wins = 0, Losses = 5, Mode = GameMode.Solo },
            new() { UserId = "103", Title = "Attack Ships", TopScore = 3, TopScoreTime = new DateTime(2015, 10, 19, 1, 13, 24, DateTimeKind.Utc), Wins = 1, Losses = 8, Mode = GameMode.Versus },
            new() { UserId = "103", Title = "Comet Quest", TopScore = 9500, TopScoreTime = new DateTime(2015, 8, 1, 9, 0, 0, DateTimeKind.Utc), Wins = 50, Losses = 2, Comment = "record", Mode = GameMode.Coop },
            new() { UserId = "103", Title = "Galaxy Invaders", TopScore = 2317, TopScoreTime = new DateTime(2015, 9, 11, 6, 53, 0, DateTimeKind.Utc), Wins = 40, Losses = 3, Mode = GameMode.Solo }
        ];
}

public enum GameMode
{
    Solo,
    Versus,
    Coop
}

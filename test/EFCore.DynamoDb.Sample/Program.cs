using EFCore.DynamoDb.Sample;
using Microsoft.EntityFrameworkCore;

// The quick start: GameScore from Flywheel's README, against the DynamoDB that build.sh started.
// Settings come from appsettings.json and environment variables (SampleSettings); GameContextFactory builds the
// options, and dotnet ef uses the same factory.
var settings = SampleSettings.Load();
var options = GameContextFactory.CreateOptions(settings);

await using (var db = new GameContext(options))
{
    await db.Database.EnsureDeletedAsync();
    await db.Database.EnsureCreatedAsync();
    Console.WriteLine($"Created table {settings["TableNamePrefix"]}GameScores with the global index GameTitleIndex at {settings["ServiceUrl"]}");

    db.GameScores.AddRange(
        new GameScore { UserId = "101", Title = "Galaxy Invaders", TopScore = 5842, TopScoreTime = new DateTime(2015, 9, 15, 17, 24, 31, DateTimeKind.Utc), Wins = 21, Losses = 72 },
        new GameScore { UserId = "101", Title = "Meteor Blasters", TopScore = 1000, TopScoreTime = new DateTime(2015, 10, 22, 23, 18, 1, DateTimeKind.Utc), Wins = 12, Losses = 3 },
        new GameScore { UserId = "101", Title = "Starship X", TopScore = 24, TopScoreTime = new DateTime(2015, 8, 31, 13, 14, 21, DateTimeKind.Utc), Wins = 4, Losses = 9 },
        new GameScore { UserId = "102", Title = "Alien Adventure", TopScore = 192, TopScoreTime = new DateTime(2015, 7, 12, 11, 7, 56, DateTimeKind.Utc), Wins = 32, Losses = 192 },
        new GameScore { UserId = "103", Title = "Comet Quest", TopScore = 9500, TopScoreTime = new DateTime(2015, 8, 1, 9, 0, 0, DateTimeKind.Utc), Wins = 50, Losses = 2 },
        new GameScore { UserId = "103", Title = "Galaxy Invaders", TopScore = 2317, TopScoreTime = new DateTime(2015, 9, 11, 6, 53, 0, DateTimeKind.Utc), Wins = 40, Losses = 3 },
        new GameScore { UserId = "102", Title = "Comet Quest", TopScore = 4000, TopScoreTime = new DateTime(2015, 8, 2, 10, 0, 0, DateTimeKind.Utc), Wins = 7, Losses = 7 });
    var saved = await db.SaveChangesAsync();
    Console.WriteLine($"Saved {saved} scores");
}

await using (var db = new GameContext(options))
{
    // Flywheel README: the top score for Galaxy Invaders — a Query on the GameTitleIndex GSI, read backwards, one item.
    var top = await db.GameScores.Where(s => s.Title == "Galaxy Invaders").OrderByDescending(s => s.TopScore).FirstAsync();
    Console.WriteLine($"Top Galaxy Invaders score: {top.TopScore} by user {top.UserId}");

    // Flywheel README: the Comet Quest scores over 9000 — the GSI again, with TopScore > 9000 in the key condition.
    var over9000 = await db.GameScores.Where(s => s.Title == "Comet Quest" && s.TopScore > 9000).ToListAsync();
    Console.WriteLine($"Comet Quest scores over 9000: {string.Join(", ", over9000.Select(s => $"{s.TopScore} by user {s.UserId}"))}");

    if (top.UserId != "101" || over9000 is not [{ UserId: "103" }])
    {
        Console.Error.WriteLine("The index queries returned unexpected scores");
        return 1;
    }
}

await using (var db = new GameContext(options))
{
    // Partition-key equality: one DynamoDB Query, never a scan.
    var scores = await db.GameScores.Where(s => s.UserId == "101").ToListAsync();
    Console.WriteLine($"User 101 has {scores.Count} scores:");
    foreach (var score in scores)
    {
        Console.WriteLine($"  {score.Title}: {score.TopScore} ({score.Wins} wins, {score.Losses} losses)");
    }

    // Full key: one GetItem.
    var meteor = await db.GameScores.FindAsync("101", "Meteor Blasters") ?? throw new InvalidOperationException("Meteor Blasters not found");
    meteor.TopScore = 1500;
    meteor.Wins++;
    await db.SaveChangesAsync();
    Console.WriteLine($"Updated Meteor Blasters: top score {meteor.TopScore}, {meteor.Wins} wins");

    var starship = await db.GameScores.SingleAsync(s => s.UserId == "101" && s.Title == "Starship X");
    db.GameScores.Remove(starship);
    await db.SaveChangesAsync();
    Console.WriteLine("Deleted Starship X");
}

await using (var db = new GameContext(options))
{
    var remaining = await db.GameScores.CountAsync(s => s.UserId == "101");
    var reloaded = await db.GameScores.FindAsync("101", "Meteor Blasters");
    if (remaining != 2 || reloaded?.TopScore != 1500 || reloaded.Wins != 13)
    {
        Console.Error.WriteLine($"Unexpected state: {remaining} scores, Meteor Blasters = {reloaded?.TopScore}");
        return 1;
    }

    Console.WriteLine($"User 101 now has {remaining} scores; Meteor Blasters reads back with top score {reloaded.TopScore}");
}

await using (var db = new GameContext(options))
{
    // A composite sort key: "type:id", computed from its components.
    var tweet = new SocialMediaItem { UserId = "abc123", Type = "twitter", Id = "12345", Text = "hello" };
    var post = new SocialMediaItem { UserId = "abc123", Type = "facebook", Id = "12345", Text = "hello again" };
    db.SocialMediaItems.AddRange(tweet, post);
    await db.SaveChangesAsync();
    Console.WriteLine($"Saved social media items {tweet.Uid} and {post.Uid}");

    var found = await db.SocialMediaItems.FindAsync("abc123", "facebook:12345");
    if (found?.Text != "hello again")
    {
        Console.Error.WriteLine("The facebook post was not found by its composite key");
        return 1;
    }

    Console.WriteLine($"Found {found.Uid} by its composite key: {found.Text}");
}

await using (var db = new GameContext(options))
{
    // Flywheel README: atomically increment a user's wins on Alien Adventure — an ADD, without reading the item first.
    var alien = new GameScore { UserId = "102", Title = "Alien Adventure" };
    db.GameScores.Attach(alien);
    db.Entry(alien).Property(s => s.Wins).Increment(1);
    await db.SaveChangesAsync();
    Console.WriteLine($"Alien Adventure wins for user 102, incremented atomically: {alien.Wins}");

    // A conditional withdrawal: 200 leave the account only if the stored balance still covers them.
    db.Accounts.Add(new Account { Id = "wallet", Balance = 250m });
    await db.SaveChangesAsync();
    var wallet = (await db.Accounts.FindAsync("wallet"))!;
    foreach (var attempt in new[] { 1, 2 })
    {
        wallet.Balance -= 200m;
        db.Entry(wallet).SaveOnlyIf(a => a.Balance >= 200m);
        try
        {
            await db.SaveChangesAsync();
            Console.WriteLine($"Withdrawal {attempt}: balance now {wallet.Balance}");
        }
        catch (DbUpdateConcurrencyException)
        {
            await db.Entry(wallet).ReloadAsync();
            Console.WriteLine($"Withdrawal {attempt} refused: the balance is only {wallet.Balance}");
        }
    }

    if (alien.Wins != 33 || wallet.Balance != 50m)
    {
        Console.Error.WriteLine("The atomic increment or the conditional withdrawal did not behave as expected");
        return 1;
    }
}

Console.WriteLine("Sample completed.");
return 0;

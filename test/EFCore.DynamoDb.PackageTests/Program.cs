using EFCore.DynamoDb.PackageTests;

// Creates the table, saves, finds and queries, printing each result and each request: args are the service URL and a table prefix.
var requests = new List<string>();
void Log(string message) => requests.Add(message.Split(' ')[2]); // "Executed DynamoDB GetItem on 'Notes' …"

using (var writer = NoteContextFactory.Create(args[0], args[1], _ => { }))
{
    Console.WriteLine($"created: {writer.Database.EnsureCreated()}");
    writer.Notes.AddRange(
        new Note { Owner = "ann", Id = "1", Text = "hello", Stars = 3 },
        new Note { Owner = "ann", Id = "2", Text = "world", Stars = 1 });
    Console.WriteLine($"saved: {writer.SaveChanges()}");
}

using var reader = NoteContextFactory.Create(args[0], args[1], Log);
Console.WriteLine($"found: {reader.Notes.Find("ann", "2")?.Text}");
Console.WriteLine($"queried: {string.Join(", ", reader.Notes.Where(n => n.Owner == "ann" && n.Stars > 1).Select(n => n.Text))}");
Console.WriteLine($"requests: {string.Join(", ", requests)}");

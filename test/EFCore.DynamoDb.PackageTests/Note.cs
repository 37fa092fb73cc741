namespace EFCore.DynamoDb.PackageTests;

/// <summary>An item of the Notes table: partition key Owner, sort key Id.</summary>
public class Note
{
    public string Owner { get; set; } = null!;

    public string Id { get; set; } = null!;

    public string Text { get; set; } = null!;

    public int Stars { get; set; }
}

namespace EFCore.DynamoDb.FunctionalTests.TestModels;

/// <summary>One property of every type of Flywheel's filter matrix, for filters by type.</summary>
public class FilterRow
{
    public string Id { get; set; } = null!;
    public string? Text { get; set; }
    public byte[]? Bytes { get; set; }
    public int? Int { get; set; }
    public float? Float { get; set; }
    public decimal? Decimal { get; set; }
    public bool? Flag { get; set; }
    public DateTime? When { get; set; }
    public DateOnly? Day { get; set; }
    public HashSet<string> Tags { get; set; } = [];
    public Dictionary<string, string>? Attributes { get; set; }
    public List<int>? Scores { get; set; }
    public FilterAddress Home { get; set; } = new();

    /// <summary>a and b have a value of every type; c has none (and no set elements, no map entries, an empty list).</summary>
    public static FilterRow[] CreateSeed()
        =>
        [
            new()
            {
                Id = "a", Text = "alpha", Bytes = [1, 2], Int = 1, Float = 1.5f, Decimal = 1.25m, Flag = true,
                When = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), Day = new DateOnly(2020, 1, 1),
                Tags = ["red", "blue"], Attributes = new() { ["color"] = "red" }, Scores = [1, 2],
                Home = new FilterAddress { City = "Leeds", Zip = 100 }
            },
            new()
            {
                Id = "b", Text = "beta", Bytes = [3], Int = 2, Float = 2.5f, Decimal = 2.5m, Flag = false,
                When = new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc), Day = new DateOnly(2021, 1, 1),
                Tags = ["green"], Attributes = new() { ["color"] = "blue", ["size"] = "L" }, Scores = [3],
                Home = new FilterAddress { City = "York", Zip = 200 }
            },
            new() { Id = "c", Int = 3, Float = 3.5f, Decimal = 3.75m, Scores = [] }
        ];
}

namespace EFCore.DynamoDb.FunctionalTests.TestModels;

/// <summary>A complex value of <see cref="FilterRow" />, stored as a map.</summary>
public class FilterAddress
{
    public string? City { get; set; }
    public int Zip { get; set; }
}

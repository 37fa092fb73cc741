namespace EFCore.DynamoDb.FunctionalTests.Northwind;

/// <summary>A Northwind customer: partition key only, with a global index by city and company name.</summary>
public class Customer
{
    public string CustomerId { get; set; } = null!;

    public string CompanyName { get; set; } = null!;

    public string ContactName { get; set; } = null!;

    public string City { get; set; } = null!;

    public string Country { get; set; } = null!;

    public string? Region { get; set; }

    public string Phone { get; set; } = null!;
}

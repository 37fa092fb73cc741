namespace EFCore.DynamoDb.FunctionalTests.Northwind;

/// <summary>
///     A Northwind customer read with a navigation to its orders, and with its contact name as a list of words that a
///     value converter stores as one string.
/// </summary>
public class RelatedCustomer
{
    public string CustomerId { get; set; } = null!;

    public string CompanyName { get; set; } = null!;

    public List<string> ContactName { get; set; } = [];

    public List<RelatedOrder> Orders { get; set; } = [];
}

namespace EFCore.DynamoDb.FunctionalTests.Northwind;

/// <summary>A Northwind order read with a navigation to its customer.</summary>
public class RelatedOrder
{
    public string CustomerId { get; set; } = null!;

    public DateTime OrderDate { get; set; }

    public int OrderId { get; set; }

    public RelatedCustomer Customer { get; set; } = null!;
}

namespace EFCore.DynamoDb.FunctionalTests.TestModels;

/// <summary>An order, keyed on its customer's id (the partition key) and its own id (the sort key): required, cascade.</summary>
public class ShopOrder
{
    public string CustomerId { get; set; } = null!;

    public string Id { get; set; } = null!;

    public int Total { get; set; }

    public virtual ShopCustomer? Customer { get; set; }

    public virtual List<ShopOrderLine> Lines { get; set; } = [];
}

namespace EFCore.DynamoDb.FunctionalTests.TestModels;

/// <summary>A line of an order, keyed on its order's id and its own; its foreign key is the order's whole key.</summary>
public class ShopOrderLine
{
    public string OrderId { get; set; } = null!;

    public string Id { get; set; } = null!;

    public string CustomerId { get; set; } = null!;

    public string Product { get; set; } = "";

    public virtual ShopOrder? Order { get; set; }
}

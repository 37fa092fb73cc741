namespace EFCore.DynamoDb.FunctionalTests.Northwind;

/// <summary>A Northwind product, keyed by a number, with a global index by category and price.</summary>
public class Product
{
    public int ProductId { get; set; }

    public string ProductName { get; set; } = null!;

    public decimal UnitPrice { get; set; }

    public short UnitsInStock { get; set; }

    public bool Discontinued { get; set; }

    public int CategoryId { get; set; }
}

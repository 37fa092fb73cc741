namespace EFCore.DynamoDb.FunctionalTests.Northwind;

/// <summary>A Northwind order, stored under its customer and sorted by date, with a local index on the freight.</summary>
public class Order
{
    public string CustomerId { get; set; } = null!;

    public DateTime OrderDate { get; set; }

    public int OrderId { get; set; }

    public int EmployeeId { get; set; }

    public decimal Freight { get; set; }

    public string ShipCity { get; set; } = null!;

    public string ShipCountry { get; set; } = null!;

    public DateTime? ShippedDate { get; set; }

    public Shipper ShipVia { get; set; }
}

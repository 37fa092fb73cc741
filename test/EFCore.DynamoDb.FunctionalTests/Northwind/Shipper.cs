namespace EFCore.DynamoDb.FunctionalTests.Northwind;

/// <summary>Northwind's three shippers, as an enum (stored as its number).</summary>
public enum Shipper
{
    SpeedyExpress = 1,
    UnitedPackage = 2,
    FederalShipping = 3
}

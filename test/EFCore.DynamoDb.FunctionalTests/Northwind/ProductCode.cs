namespace EFCore.DynamoDb.FunctionalTests.Northwind;

/// <summary>A product's key as a value type of its own, stored as its number; a cast gives the number.</summary>
public readonly record struct ProductCode(int Number)
{
    public static explicit operator int(ProductCode code) => code.Number;
}

namespace EFCore.DynamoDb.FunctionalTests.Northwind;

/// <summary>A Northwind product read with its key as a <see cref="ProductCode" />, through a value converter.</summary>
public class CodedProduct
{
    public ProductCode ProductId { get; set; }

    public string ProductName { get; set; } = null!;
}

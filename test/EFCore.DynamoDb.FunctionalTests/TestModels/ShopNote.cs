namespace EFCore.DynamoDb.FunctionalTests.TestModels;

/// <summary>A note in a table of its own whose optional foreign key is neither a key nor indexed (Restrict).</summary>
public class ShopNote
{
    public string Id { get; set; } = null!;

    public string? CustomerId { get; set; }

    public string Text { get; set; } = "";

    public virtual ShopCustomer? Customer { get; set; }
}

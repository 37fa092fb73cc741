namespace EFCore.DynamoDb.FunctionalTests.TestModels;

/// <summary>A review in a table of its own whose optional foreign key is a global index's partition key (ClientSetNull).</summary>
public class ShopReview
{
    public string Id { get; set; } = null!;

    public string? CustomerId { get; set; }

    public int Stars { get; set; }

    public virtual ShopCustomer? Customer { get; set; }
}

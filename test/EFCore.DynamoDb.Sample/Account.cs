namespace EFCore.DynamoDb.Sample;

/// <summary>A wallet, for the conditional withdrawal.</summary>
public class Account
{
    public required string Id { get; set; }

    public decimal Balance { get; set; }
}

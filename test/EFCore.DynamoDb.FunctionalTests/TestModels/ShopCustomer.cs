namespace EFCore.DynamoDb.FunctionalTests.TestModels;

/// <summary>
///     A customer with dependents of every kind: orders keyed on its id, reviews found by a global index on its id,
///     notes that neither key nor index reaches. Navigations are virtual so that lazy-loading proxies can override them.
/// </summary>
public class ShopCustomer
{
    public string Id { get; set; } = null!;

    /// <summary>The sort key of the customer's item in the one-table model (unmapped in the two-table model).</summary>
    public string Sort { get; set; } = "PROFILE";

    public string Name { get; set; } = "";

    public virtual List<ShopOrder> Orders { get; set; } = [];

    public virtual List<ShopReview> Reviews { get; set; } = [];

    public virtual List<ShopNote> Notes { get; set; } = [];
}

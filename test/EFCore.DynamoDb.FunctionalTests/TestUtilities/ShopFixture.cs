using EFCore.DynamoDb.FunctionalTests.TestModels;

namespace EFCore.DynamoDb.FunctionalTests.TestUtilities;

/// <summary>
///     The shop's tables, in the two-table or the one-table model, empty: each test writes customers of its own ids.
/// </summary>
public abstract class ShopFixture(string name, bool oneTable)
    : DynamoDbFixture<ShopContext>(name, options => new ShopContext(options, oneTable))
{
    public bool OneTable { get; } = oneTable;
}

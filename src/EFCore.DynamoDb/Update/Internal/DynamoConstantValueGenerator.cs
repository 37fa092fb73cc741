using Microsoft.EntityFrameworkCore.ValueGeneration;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>Fills a constant sort key when its entity is added, so the entry holds the key its item is written under.</summary>
public class DynamoConstantValueGenerator(object value) : ValueGenerator
{
    /// <inheritdoc />
    public override bool GeneratesTemporaryValues => false;

    /// <inheritdoc />
    protected override object NextValue(EntityEntry entry) => value;
}

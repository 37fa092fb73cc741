using Microsoft.EntityFrameworkCore.ValueGeneration;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>Fills a composite when its entity is added, so that a composite key is known before the entity is tracked.</summary>
public class DynamoCompositeValueGenerator(IProperty composite) : ValueGenerator
{
    public override bool GeneratesTemporaryValues => false;

    protected override object? NextValue(EntityEntry entry)
        => DynamoCompositeValue.Compute(composite, entry.Entity, component => entry.Property(component.Name).CurrentValue);
}

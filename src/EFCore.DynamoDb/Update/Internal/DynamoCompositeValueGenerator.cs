using System.Runtime.CompilerServices;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore.ValueGeneration;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>Fills a composite when its entity is added, so that a composite key is known before the entity is tracked.</summary>
public class DynamoCompositeValueGenerator(IProperty composite) : ValueGenerator
{
    // The values filled in, per entity: a composite that still holds one was not set by the application.
    private static readonly ConditionalWeakTable<object, Dictionary<IProperty, object?>> Generated = [];

    /// <inheritdoc />
    public override bool GeneratesTemporaryValues => false;

    /// <summary>Whether <paramref name="value" /> is what this generator filled into the entity's composite.</summary>
    public static bool IsGenerated(object entity, IProperty composite, object? value)
    {
        lock (Generated)
        {
            return Generated.TryGetValue(entity, out var values)
                && values.TryGetValue(composite, out var generated)
                && composite.GetValueComparer().Equals(generated, value);
        }
    }

    /// <inheritdoc />
    protected override object? NextValue(EntityEntry entry)
    {
        var value = DynamoCompositeValue.Compute(composite, entry.Entity, component => entry.Property(component.Name).CurrentValue);
        lock (Generated)
        {
            Generated.GetOrCreateValue(entry.Entity)[composite] = value;
        }

        return value;
    }
}

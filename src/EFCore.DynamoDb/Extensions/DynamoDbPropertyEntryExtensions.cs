using System.Numerics;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Update.Internal;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Atomic operations on tracked properties, sent by the next <c>SaveChanges</c>.</summary>
public static class DynamoDbPropertyEntryExtensions
{
    /// <summary>
    ///     Atomically adds <paramref name="delta" /> to a number property (Flywheel's <c>incr_</c>): the local value
    ///     changes at once, <c>SaveChanges</c> sends <c>ADD</c> so concurrent increments never lose an update, and
    ///     afterwards the property holds the value DynamoDB computed. Keys, composites and non-number properties are
    ///     refused, and so is assigning the property again before the save.
    /// </summary>
    public static PropertyEntry<TEntity, TProperty> Increment<TEntity, TProperty>(this PropertyEntry<TEntity, TProperty> propertyEntry, TProperty delta)
        where TEntity : class
        where TProperty : INumber<TProperty>
    {
        ArgumentNullException.ThrowIfNull(propertyEntry);
        var property = (IProperty)propertyEntry.Metadata;
        var entityTypeName = property.DeclaringType.DisplayName();
        if (property.IsKey() || property.IsDynamoComposite())
        {
            throw new InvalidOperationException(DynamoStrings.IncrementNotAllowed(entityTypeName, property.Name, "a key or a composite"));
        }

        if (property.GetTypeMapping() is not DynamoTypeMapping { ScalarType: DynamoScalarType.Number, Converter: null })
        {
            throw new InvalidOperationException(DynamoStrings.IncrementNotAllowed(entityTypeName, property.Name, "not a number"));
        }

        var incremented = propertyEntry.CurrentValue + delta;
        propertyEntry.CurrentValue = incremented;
        propertyEntry.EntityEntry.Context.GetService<IDynamoAtomicOperations>()
            .RecordIncrement(propertyEntry.EntityEntry.Entity, property, delta, incremented);
        return propertyEntry;
    }
}

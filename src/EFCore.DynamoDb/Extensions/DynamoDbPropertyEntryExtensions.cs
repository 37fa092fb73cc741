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
        var operation = BeginOperation(propertyEntry, DynamoScalarType.Number, DynamoStrings.AtomicIncrementNotNumber);
        var incremented = propertyEntry.CurrentValue + delta;
        propertyEntry.CurrentValue = incremented;
        operation.Delta = operation.Delta == null ? delta : DynamoNumbers.Add(operation.Delta, delta);
        operation.ExpectedValue = incremented;
        return propertyEntry;
    }

    /// <summary>
    ///     Atomically adds elements to a set property (Flywheel's <c>add_</c>): the local set changes at once and
    ///     <c>SaveChanges</c> sends <c>ADD</c>, so concurrent additions are all kept. Adding and removing elements of one
    ///     set in the same save is refused, unless they cancel out.
    /// </summary>
    public static PropertyEntry<TEntity, TSet> AddToSet<TEntity, TSet, TElement>(this PropertyEntry<TEntity, TSet> propertyEntry, params TElement[] elements)
        where TEntity : class
        where TSet : ISet<TElement>
        => ChangeSet(propertyEntry, elements, add: true);

    /// <summary>
    ///     Atomically removes elements from a set property (Flywheel's <c>remove_</c>), sent as <c>DELETE</c>. Removing
    ///     an element the set does not hold is refused.
    /// </summary>
    public static PropertyEntry<TEntity, TSet> RemoveFromSet<TEntity, TSet, TElement>(this PropertyEntry<TEntity, TSet> propertyEntry, params TElement[] elements)
        where TEntity : class
        where TSet : ISet<TElement>
        => ChangeSet(propertyEntry, elements, add: false);

    private static PropertyEntry<TEntity, TSet> ChangeSet<TEntity, TSet, TElement>(PropertyEntry<TEntity, TSet> propertyEntry, TElement[] elements, bool add)
        where TEntity : class
        where TSet : ISet<TElement>
    {
        ArgumentNullException.ThrowIfNull(propertyEntry);
        ArgumentNullException.ThrowIfNull(elements);
        var operation = BeginOperation(propertyEntry, null, DynamoStrings.AtomicSetOperationNotSet);
        var set = propertyEntry.CurrentValue;
        foreach (var element in elements)
        {
            if (add ? !set.Add(element) : !set.Remove(element))
            {
                if (!add)
                {
                    throw new InvalidOperationException(
                        DynamoStrings.SetElementMissing(propertyEntry.Metadata.DeclaringType.DisplayName(), propertyEntry.Metadata.Name, element));
                }

                continue;
            }

            // An addition cancels a pending removal of the same element, and the other way round.
            var (pending, opposite) = add ? (operation.ElementsToAdd, operation.ElementsToRemove) : (operation.ElementsToRemove, operation.ElementsToAdd);
            if (!opposite.Remove(element!))
            {
                pending.Add(element!);
            }
        }

        // The set object itself did not change, so EF Core's snapshot comparison detects the new contents.
        propertyEntry.EntityEntry.Context.ChangeTracker.DetectChanges();
        operation.ExpectedValue = ((IProperty)propertyEntry.Metadata).GetValueComparer().Snapshot(set);
        return propertyEntry;
    }

    private static DynamoPendingOperation BeginOperation<TEntity, TProperty>(
        PropertyEntry<TEntity, TProperty> propertyEntry,
        DynamoScalarType? expectedType,
        Func<object?, object?, string> refusal)
        where TEntity : class
    {
        var property = (IProperty)propertyEntry.Metadata;
        var entityTypeName = property.DeclaringType.DisplayName();
        if (property.IsKey() || property.IsDynamoComposite())
        {
            throw new InvalidOperationException(DynamoStrings.AtomicOperationOnKey(entityTypeName, property.Name));
        }

        var scalarType = (property.GetTypeMapping() as DynamoTypeMapping)?.ScalarType;
        var allowed = expectedType == null
            ? scalarType is DynamoScalarType.StringSet or DynamoScalarType.NumberSet or DynamoScalarType.BinarySet
            : scalarType == expectedType && property.GetTypeMapping().Converter == null;
        if (!allowed)
        {
            throw new InvalidOperationException(refusal(entityTypeName, property.Name));
        }

        return propertyEntry.EntityEntry.Context.GetService<IDynamoAtomicOperations>().GetOrAdd(propertyEntry.EntityEntry.Entity, property);
    }
}

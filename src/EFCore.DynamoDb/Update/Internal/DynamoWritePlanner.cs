using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Storage.Internal.Expressions;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
///     Plans the write for one item: Added → <c>PutItem</c> of the whole item, owned entities included, that never
///     replaces an existing item; Modified → <c>UpdateItem</c> that sets or removes only the modified attributes, and
///     rewrites each owned navigation in which something changed (also when only owned entities changed); Deleted →
///     <c>DeleteItem</c>. Conditions come from the <see cref="ConflictMode" /> (for entities this context read) and the
///     concurrency tokens.
/// </summary>
public class DynamoWritePlanner(
    IDynamoTableNameResolver tableNames,
    IDbContextOptions options,
    IDynamoAtomicOperations atomicOperations,
    IDynamoSaveConditions saveConditions,
    IDynamoReadEntries readEntries) : IDynamoWritePlanner
{
    private readonly ConflictMode _conflictMode
        = options.FindExtension<Infrastructure.Internal.DynamoDbOptionsExtension>()?.ConflictMode ?? ConflictMode.Update;

    /// <inheritdoc />
    public virtual DynamoWrite Plan(DynamoAggregate aggregate)
    {
        var entry = aggregate.Root;
        var tableName = tableNames.Resolve(entry.EntityType);
        var entity = ((InternalEntityEntry)entry).Entity;
        return entry.EntityState switch
        {
            EntityState.Added => PlanPut(entry, aggregate.Shape, tableName, entity),

            // An unchanged owner is written when only owned entities inside its item changed.
            EntityState.Modified or EntityState.Unchanged => PlanUpdate(entry, aggregate.Shape, aggregate.ChangedOwnedNavigations, tableName, entity),
            EntityState.Deleted => PlanDelete(entry, aggregate.Shape, tableName, entity),
            _ => throw new InvalidOperationException(DynamoStrings.UnexpectedEntityState(entry.EntityType.DisplayName(), entry.EntityState))
        };
    }

    private DynamoWrite PlanPut(IUpdateEntry entry, DynamoWriteShape shape, string tableName, object entity)
    {
        var item = DynamoItemAttributes.Build(entry, shape);
        EnsureHoldsKey(shape, item);
        var itemSize = EnsureFits(entry, item);
        var saveOnlyIf = saveConditions.Find(entity);
        DynamoExpressionRenderer? renderer = null;
        // An insert never replaces an item, unless the application chose last-writer-wins.
        var condition = RenderCondition(_conflictMode == ConflictMode.Overwrite ? [] : shape.KeyIsFree, saveOnlyIf, ref renderer);
        return new DynamoWrite(
            entry,
            new DynamoWriteCommand(DynamoWriteCommandKind.Put, tableName, Key: null)
            {
                Item = item, ConditionExpression = condition, Names = renderer?.Placeholders.Names, Values = renderer?.Placeholders.Values
            })
        {
            HasSaveConditions = saveOnlyIf.Count > 0,
            ItemSize = itemSize
        };
    }

    private DynamoWrite PlanUpdate(
        IUpdateEntry entry,
        DynamoWriteShape shape,
        IReadOnlySet<INavigation> changedOwnedNavigations,
        string tableName,
        object entity)
    {
        var atomic = AtomicOperations(entry, entity);
        var assignments = new Dictionary<string, AttributeValue?>(StringComparer.Ordinal);
        var actions = BuildUpdateActions(entry, shape, changedOwnedNavigations, atomic, assignments);
        // Created on first use: an update that sets nothing and checks nothing renders no expression at all.
        DynamoExpressionRenderer? renderer = null;
        var update = actions.Count > 0 ? (renderer = NewRenderer()).Render(new DynamoUpdateExpression(actions)) : null;
        IReadOnlyList<IProperty> atomicProperties = atomic.Length == 0 ? [] : [.. atomic.Select(a => a.Property)];
        if (renderer?.Placeholders.Values is { } values)
        {
            // What is set is a lower bound of the item's size: the stored item may hold more.
            EnsureFits(entry, values);
        }

        var read = readEntries.WasRead(entry);
        var condition = RenderCondition(
            DynamoConflictConditions.Build(entry, shape, _conflictMode, read, atomicProperties), saveConditions.Find(entity), ref renderer);
        // An update that sets nothing only checks its conditions.
        return new DynamoWrite(
            entry,
            new DynamoWriteCommand(
                update == null ? DynamoWriteCommandKind.ConditionCheck : DynamoWriteCommandKind.Update, tableName, BuildKey(entry, shape))
            {
                UpdateExpression = update,
                ConditionExpression = condition,
                Names = renderer?.Placeholders.Names,
                Values = renderer?.Placeholders.Values,
                ReturnUpdatedAttributes = atomicProperties.Count > 0
            })
        {
            AtomicProperties = atomicProperties,
            HasIncrement = atomic.Any(a => a.Operation.Delta != null),
            Assignments = assignments,
            OriginalValuesRead = read
        };
    }

    private DynamoWrite PlanDelete(IUpdateEntry entry, DynamoWriteShape shape, string tableName, object entity)
    {
        var read = readEntries.WasRead(entry);
        DynamoExpressionRenderer? renderer = null;
        var condition = RenderCondition(
            DynamoConflictConditions.Build(entry, shape, _conflictMode, read, []), saveConditions.Find(entity), ref renderer);
        return new DynamoWrite(
            entry,
            new DynamoWriteCommand(DynamoWriteCommandKind.Delete, tableName, BuildKey(entry, shape))
            {
                ConditionExpression = condition, Names = renderer?.Placeholders.Names, Values = renderer?.Placeholders.Values
            })
        {
            OriginalValuesRead = read
        };
    }

    // The pending atomic operations of the entity, in the order of its properties; most entities have none.
    private (IProperty Property, DynamoPendingOperation Operation)[] AtomicOperations(IUpdateEntry entry, object entity)
        => atomicOperations.FindAll(entity) is { } operations
            ? [.. entry.EntityType.GetProperties().Where(operations.ContainsKey).Select(p => (p, operations[p]))]
            : [];

    // One renderer, so one set of placeholders, for the update and the condition of a write.
    private static DynamoExpressionRenderer NewRenderer() => new(new DynamoExpressionPlaceholders());

    // SaveOnlyIf conditions join those of the conflict mode; their values were captured when they were set.
    // Most writes carry no condition at all (an insert in Overwrite mode, an unread entity): they render nothing.
    private static string? RenderCondition(
        IReadOnlyList<DynamoExpression> conditions,
        IReadOnlyList<DynamoExpression> saveOnlyIf,
        ref DynamoExpressionRenderer? renderer)
        => conditions.Count + saveOnlyIf.Count == 0
            ? null
            : (renderer ??= NewRenderer()).Render(DynamoConjunctionExpression.Of([.. conditions, .. saveOnlyIf])!);

    // Returns the size, which a transaction counts again.
    private static long EnsureFits(IUpdateEntry entry, IReadOnlyDictionary<string, AttributeValue> attributes)
    {
        var size = DynamoItemSize.Of(attributes);
        if (size > DynamoItemSize.MaxItemBytes)
        {
            throw new System.ComponentModel.DataAnnotations.ValidationException(
                DynamoStrings.ItemTooLarge(entry.EntityType.DisplayName(), size, DynamoItemSize.MaxItemBytes));
        }

        return size;
    }

    // EF Core refuses changes to key properties, so the current value addresses the stored item. A constant sort key comes
    // from the model: an entity attached as a stub does not hold it.
    private static Dictionary<string, AttributeValue> BuildKey(IUpdateEntry entry, DynamoWriteShape shape)
    {
        var tableKey = shape.TableKey;
        var key = new Dictionary<string, AttributeValue>(tableKey.Count, StringComparer.Ordinal);
        for (var i = 0; i < tableKey.Count; i++)
        {
            var (property, attributeName, mapping) = tableKey[i];
            key[attributeName] = i == 1 && shape.ConstantSortKeyValue is { } constant
                ? DynamoPropertyValueConverter.ToKeyAttributeValue(property, mapping, constant)
                : DynamoPropertyValueConverter.CurrentKeyValueToAttributeValue(entry, property, mapping);
        }

        return key;
    }

    // A put sends no key: its item holds the key attributes, which may be neither absent nor empty.
    private static void EnsureHoldsKey(DynamoWriteShape shape, Dictionary<string, AttributeValue> item)
    {
        for (var i = 0; i < shape.TableKey.Count; i++)
        {
            var (property, attributeName, _) = shape.TableKey[i];
            DynamoPropertyValueConverter.EnsureKey(property, item.GetValueOrDefault(attributeName));
        }
    }

    // Atomic operations first, then the assigned attributes: placeholders are handed out in this order.
    private static List<DynamoUpdateAction> BuildUpdateActions(
        IUpdateEntry entry,
        DynamoWriteShape shape,
        IReadOnlySet<INavigation> changedOwnedNavigations,
        IReadOnlyList<(IProperty Property, DynamoPendingOperation Operation)> atomic,
        Dictionary<string, AttributeValue?> assignments)
    {
        var actions = new List<DynamoUpdateAction>();
        foreach (var (property, operation) in atomic)
        {
            var target = new DynamoPathExpression(property.GetAttributeName());
            if (operation.Delta != null)
            {
                actions.Add(
                    new DynamoAddAction(target, DynamoValueExpression.Stored(DynamoPropertyValueConverter.ToAttributeValue(property, operation.Delta)!)));
            }

            if (operation.ElementsToAdd.Count > 0)
            {
                actions.Add(new DynamoAddAction(target, DynamoValueExpression.Stored(DynamoSetElements.ToAttributeValue(property, operation.ElementsToAdd))));
            }

            if (operation.ElementsToRemove.Count > 0)
            {
                actions.Add(
                    new DynamoDeleteAction(target, DynamoValueExpression.Stored(DynamoSetElements.ToAttributeValue(property, operation.ElementsToRemove))));
            }
        }

        // Indexed loops: a foreach over a list's interface would allocate an enumerator per saved entity.
        var updatable = shape.UpdatableAttributes;
        for (var i = 0; i < updatable.Count; i++)
        {
            var attribute = updatable[i];
            var property = attribute.Property;
            if (entry.IsModified(property) && !IsAtomic(atomic, property))
            {
                Assign(attribute, DynamoPropertyValueConverter.CurrentValueToAttributeValue(entry, property, attribute.Mapping));
            }
        }

        // A change anywhere inside a complex value rewrites its whole attribute.
        var complexProperties = shape.ComplexProperties;
        for (var i = 0; i < complexProperties.Count; i++)
        {
            var complexProperty = complexProperties[i];
            if (entry.IsModified(complexProperty))
            {
                Assign(
                    new DynamoPathExpression(complexProperty.Name),
                    DynamoComplexPropertyConverter.ToAttributeValue(complexProperty, entry.GetCurrentValue(complexProperty)));
            }
        }

        // Likewise for owned entities: a change anywhere inside an owned navigation rewrites its whole attribute.
        foreach (var navigation in changedOwnedNavigations)
        {
            Assign(new DynamoPathExpression(DynamoItemAttributes.GetAttributeName(navigation)), DynamoItemAttributes.ToAttributeValue(entry, navigation));
        }

        return actions;

        // A null value is an absent attribute.
        void Assign(DynamoPathExpression target, AttributeValue? value)
        {
            assignments[target.AttributeName] = value;
            actions.Add(value == null ? new DynamoRemoveAction(target) : new DynamoSetAction(target, DynamoValueExpression.Stored(value)));
        }
    }

    private static bool IsAtomic(IReadOnlyList<(IProperty Property, DynamoPendingOperation Operation)> atomic, IProperty property)
    {
        for (var i = 0; i < atomic.Count; i++)
        {
            if (atomic[i].Property == property)
            {
                return true;
            }
        }

        return false;
    }
}

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
        var entityType = entry.EntityType;
        var shape = DynamoWriteShape.Of(entityType);
        var tableName = tableNames.Resolve(entityType);
        var entity = ((InternalEntityEntry)entry).Entity;
        // Created on first use: most inserts and deletes carry no expression at all.
        DynamoExpressionPlaceholders? placeholders = null;

        switch (entry.EntityState)
        {
            case EntityState.Added:
            {
                var item = DynamoItemAttributes.Build(entry);
                EnsureHoldsKey(shape, item);
                EnsureFits(entry, item);
                // An insert never replaces an item, unless the application chose last-writer-wins.
                DynamoExpression[] keyIsFree = _conflictMode == ConflictMode.Overwrite
                    ? []
                    : [new DynamoAttributeExistsExpression(new DynamoPathExpression(shape.TableKey[0].AttributeName), exists: false)];
                var saveOnlyIf = saveConditions.Find(entity);
                var condition = RenderCondition(keyIsFree, saveOnlyIf, ref placeholders);
                return new DynamoWrite(
                    entry,
                    new DynamoWriteCommand(DynamoWriteCommandKind.Put, tableName, Key: null)
                    {
                        Item = item, ConditionExpression = condition, Names = placeholders?.Names, Values = placeholders?.Values
                    })
                {
                    HasSaveConditions = saveOnlyIf.Count > 0
                };
            }

            // An unchanged owner is written when only owned entities inside its item changed.
            case EntityState.Modified or EntityState.Unchanged:
            {
                var atomic = AtomicOperations(entry, entity);
                var assignments = new Dictionary<string, AttributeValue?>(StringComparer.Ordinal);
                var actions = BuildUpdateActions(entry, shape, aggregate.ChangedOwnedNavigations, atomic, assignments);
                var update = actions.Count > 0 ? new DynamoExpressionRenderer(placeholders = new DynamoExpressionPlaceholders()).Render(new DynamoUpdateExpression(actions)) : null;
                var atomicProperties = atomic.Select(a => a.Property).ToList();
                if (placeholders?.Values != null)
                {
                    // What is set is a lower bound of the item's size: the stored item may hold more.
                    EnsureFits(entry, placeholders.Values);
                }

                var read = readEntries.WasRead(entry);
                var condition = RenderCondition(
                    DynamoConflictConditions.Build(entry, shape, _conflictMode, read, atomicProperties), saveConditions.Find(entity), ref placeholders);
                // An update that sets nothing only checks its conditions.
                return new DynamoWrite(
                    entry,
                    new DynamoWriteCommand(
                        update == null ? DynamoWriteCommandKind.ConditionCheck : DynamoWriteCommandKind.Update, tableName, BuildKey(entry, shape))
                    {
                        UpdateExpression = update,
                        ConditionExpression = condition,
                        Names = placeholders?.Names,
                        Values = placeholders?.Values,
                        ReturnUpdatedAttributes = atomicProperties.Count > 0
                    })
                {
                    AtomicProperties = atomicProperties,
                    HasIncrement = atomic.Any(a => a.Operation!.Delta != null),
                    Assignments = assignments,
                    OriginalValuesRead = read
                };
            }

            case EntityState.Deleted:
            {
                var read = readEntries.WasRead(entry);
                var condition = RenderCondition(
                    DynamoConflictConditions.Build(entry, shape, _conflictMode, read, []), saveConditions.Find(entity), ref placeholders);
                return new DynamoWrite(
                    entry,
                    new DynamoWriteCommand(DynamoWriteCommandKind.Delete, tableName, BuildKey(entry, shape))
                    {
                        ConditionExpression = condition, Names = placeholders?.Names, Values = placeholders?.Values
                    })
                {
                    OriginalValuesRead = read
                };
            }

            default:
                throw new InvalidOperationException(DynamoStrings.UnexpectedEntityState(entityType.DisplayName(), entry.EntityState));
        }
    }

    // The pending atomic operations of the entity, in the order of its properties; most entities have none.
    private List<(IProperty Property, DynamoPendingOperation Operation)> AtomicOperations(IUpdateEntry entry, object entity)
    {
        var atomic = new List<(IProperty Property, DynamoPendingOperation Operation)>();
        if (atomicOperations.FindAll(entity) is { } operations)
        {
            foreach (var property in entry.EntityType.GetProperties())
            {
                if (operations.TryGetValue(property, out var operation))
                {
                    atomic.Add((property, operation));
                }
            }
        }

        return atomic;
    }

    // SaveOnlyIf conditions join those of the conflict mode; their values were captured when they were set.
    // Most writes carry no condition at all (an insert in Overwrite mode, an unread entity): they render nothing.
    private static string? RenderCondition(
        IReadOnlyList<DynamoExpression> conditions,
        IReadOnlyList<DynamoExpression> saveOnlyIf,
        ref DynamoExpressionPlaceholders? placeholders)
        => conditions.Count + saveOnlyIf.Count == 0
            ? null
            : new DynamoExpressionRenderer(placeholders ??= new DynamoExpressionPlaceholders())
                .Render(DynamoConjunctionExpression.Of([.. conditions, .. saveOnlyIf])!);

    private static void EnsureFits(IUpdateEntry entry, IReadOnlyDictionary<string, AttributeValue> attributes)
    {
        var size = DynamoItemSize.Of(attributes);
        if (size > DynamoItemSize.MaxItemBytes)
        {
            throw new System.ComponentModel.DataAnnotations.ValidationException(
                DynamoStrings.ItemTooLarge(entry.EntityType.DisplayName(), size, DynamoItemSize.MaxItemBytes));
        }
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
            var value = i == 1 && shape.ConstantSortKeyValue is { } constant ? constant : entry.GetCurrentValue(property);
            key[attributeName] = DynamoPropertyValueConverter.ToKeyAttributeValue(property, mapping, value);
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
        List<(IProperty Property, DynamoPendingOperation Operation)> atomic,
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

        foreach (var property in entry.EntityType.GetProperties())
        {
            if (!shape.TableKeyProperties.Contains(property) && entry.IsModified(property) && (atomic.Count == 0 || !atomic.Any(a => a.Property == property)))
            {
                Assign(property.GetAttributeName(), DynamoPropertyValueConverter.ToAttributeValue(property, entry.GetCurrentValue(property)));
            }
        }

        // A change anywhere inside a complex value rewrites its whole attribute.
        foreach (var complexProperty in shape.ComplexProperties)
        {
            if (entry.IsModified(complexProperty))
            {
                Assign(complexProperty.Name, DynamoComplexPropertyConverter.ToAttributeValue(complexProperty, entry.GetCurrentValue(complexProperty)));
            }
        }

        // Likewise for owned entities: a change anywhere inside an owned navigation rewrites its whole attribute.
        foreach (var navigation in changedOwnedNavigations)
        {
            Assign(DynamoItemAttributes.GetAttributeName(navigation), DynamoItemAttributes.ToAttributeValue(entry, navigation));
        }

        return actions;

        // A null value is an absent attribute.
        void Assign(string attributeName, AttributeValue? value)
        {
            assignments[attributeName] = value;
            var target = new DynamoPathExpression(attributeName);
            actions.Add(value == null ? new DynamoRemoveAction(target) : new DynamoSetAction(target, DynamoValueExpression.Stored(value)));
        }
    }
}

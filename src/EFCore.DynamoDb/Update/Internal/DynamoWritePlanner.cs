using System.Text;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;

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
    IDynamoReadEntries readEntries,
    IQueryContextFactory queryContextFactory) : IDynamoWritePlanner
{
    private readonly ConflictMode _conflictMode
        = options.FindExtension<Infrastructure.Internal.DynamoDbOptionsExtension>()?.ConflictMode ?? ConflictMode.Update;

    public virtual DynamoWrite Plan(DynamoAggregate aggregate)
    {
        var entry = aggregate.Root;
        var entityType = entry.EntityType;
        var tableName = tableNames.Resolve(entityType);
        var key = BuildKey(entry);
        var placeholders = new DynamoExpressionPlaceholders();

        switch (entry.EntityState)
        {
            case EntityState.Added:
            {
                var item = DynamoItemAttributes.Build(entry);
                EnsureFits(entry, item);
                // An insert never replaces an item, unless the application chose last-writer-wins.
                var keyIsFree = _conflictMode == ConflictMode.Overwrite
                    ? null
                    : "attribute_not_exists(" + placeholders.Name(entityType.GetPartitionKeyProperty().GetAttributeName()) + ")";
                var condition = WithSaveConditions(entry, keyIsFree, placeholders);
                return new DynamoWrite(
                    entry, DynamoWriteKind.Put, tableName, key, item, null, condition, placeholders.Names, placeholders.Values)
                {
                    HasSaveConditions = condition != keyIsFree
                };
            }

            // An unchanged owner is written when only owned entities inside its item changed.
            case EntityState.Modified or EntityState.Unchanged:
            {
                var entity = entry.ToEntityEntry().Entity;
                var atomic = entry.EntityType.GetProperties()
                    .Select(p => (Property: p, Operation: atomicOperations.Find(entity, p)))
                    .Where(p => p.Operation != null)
                    .ToList();
                var assignments = new Dictionary<string, AttributeValue?>(StringComparer.Ordinal);
                var update = BuildUpdateExpression(entry, aggregate.ChangedOwnedNavigations, atomic!, placeholders, assignments);
                var atomicProperties = atomic.Select(a => a.Property).ToList();
                if (placeholders.Values != null)
                {
                    // What is set is a lower bound of the item's size: the stored item may hold more.
                    EnsureFits(entry, placeholders.Values);
                }

                var read = readEntries.WasRead(entry);
                var condition = WithSaveConditions(
                    entry, DynamoConflictConditions.Build(entry, _conflictMode, read, placeholders, atomicProperties), placeholders);
                return new DynamoWrite(
                    entry, DynamoWriteKind.Update, tableName, key, null, update, condition, placeholders.Names, placeholders.Values)
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
                var condition = WithSaveConditions(
                    entry, DynamoConflictConditions.Build(entry, _conflictMode, read, placeholders, []), placeholders);
                return new DynamoWrite(
                    entry, DynamoWriteKind.Delete, tableName, key, null, null, condition, placeholders.Names, placeholders.Values)
                {
                    OriginalValuesRead = read
                };
            }

            default:
                throw new InvalidOperationException(DynamoStrings.UnexpectedEntityState(entityType.DisplayName(), entry.EntityState));
        }
    }

    // SaveOnlyIf conditions join those of the conflict mode; their values were captured when they were set.
    private string? WithSaveConditions(IUpdateEntry entry, string? condition, DynamoExpressionPlaceholders placeholders)
    {
        var extra = saveConditions.Find(entry.ToEntityEntry().Entity);
        if (extra.Count == 0)
        {
            return condition;
        }

        var renderer = new Query.Internal.DynamoConditionRenderer(placeholders, queryContextFactory.Create());
        return string.Join(" AND ", extra.Select(renderer.Render).Prepend(condition).OfType<string>());
    }

    private static void EnsureFits(IUpdateEntry entry, IReadOnlyDictionary<string, AttributeValue> attributes)
    {
        var size = DynamoItemSize.Of(attributes);
        if (size > DynamoItemSize.MaxItemBytes)
        {
            throw new System.ComponentModel.DataAnnotations.ValidationException(
                DynamoStrings.ItemTooLarge(entry.EntityType.DisplayName(), size, DynamoItemSize.MaxItemBytes));
        }
    }

    private static Dictionary<string, AttributeValue> BuildKey(IUpdateEntry entry)
    {
        var key = new Dictionary<string, AttributeValue>(2, StringComparer.Ordinal);
        foreach (var property in entry.EntityType.FindPrimaryKey()!.Properties)
        {
            // EF Core refuses changes to key properties, so the current value addresses the stored item.
            key[property.GetAttributeName()] = DynamoPropertyValueConverter.ToKeyAttributeValue(property, entry.GetCurrentValue(property));
        }

        return key;
    }

    private static string? BuildUpdateExpression(
        IUpdateEntry entry,
        IReadOnlySet<INavigation> changedOwnedNavigations,
        List<(IProperty Property, DynamoPendingOperation Operation)> atomic,
        DynamoExpressionPlaceholders placeholders,
        Dictionary<string, AttributeValue?> assignments)
    {
        var sets = new List<string>();
        var removes = new List<string>();
        var adds = new List<string>();
        var deletes = new List<string>();
        foreach (var (property, operation) in atomic)
        {
            var name = placeholders.Name(property.GetAttributeName());
            if (operation.Delta != null)
            {
                adds.Add(name + " " + placeholders.Value(DynamoPropertyValueConverter.ToAttributeValue(property, operation.Delta)!));
            }

            if (operation.ElementsToAdd.Count > 0)
            {
                adds.Add(name + " " + placeholders.Value(DynamoSetElements.ToAttributeValue(property, operation.ElementsToAdd)));
            }

            if (operation.ElementsToRemove.Count > 0)
            {
                deletes.Add(name + " " + placeholders.Value(DynamoSetElements.ToAttributeValue(property, operation.ElementsToRemove)));
            }
        }

        foreach (var property in entry.EntityType.GetProperties())
        {
            if (!property.IsPrimaryKey() && entry.IsModified(property) && !atomic.Any(a => a.Property == property))
            {
                Assign(property.GetAttributeName(), DynamoPropertyValueConverter.ToAttributeValue(property, entry.GetCurrentValue(property)));
            }
        }

        // A change anywhere inside a complex value rewrites its whole attribute.
        foreach (var complexProperty in entry.EntityType.GetComplexProperties())
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

        var builder = new StringBuilder();
        if (sets.Count > 0)
        {
            builder.Append("SET ").AppendJoin(", ", sets);
        }

        if (removes.Count > 0)
        {
            builder.Append(builder.Length > 0 ? " " : "").Append("REMOVE ").AppendJoin(", ", removes);
        }

        if (adds.Count > 0)
        {
            builder.Append(builder.Length > 0 ? " " : "").Append("ADD ").AppendJoin(", ", adds);
        }

        if (deletes.Count > 0)
        {
            builder.Append(builder.Length > 0 ? " " : "").Append("DELETE ").AppendJoin(", ", deletes);
        }

        return builder.Length > 0 ? builder.ToString() : null;

        void Assign(string attributeName, AttributeValue? value)
        {
            assignments[attributeName] = value;
            var name = placeholders.Name(attributeName);
            if (value == null)
            {
                removes.Add(name);
            }
            else
            {
                sets.Add(name + " = " + placeholders.Value(value));
            }
        }
    }
}

using System.Collections;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
///     Builds the attributes of a tracked entity: its stored properties, its complex values and its owned entities, an
///     <c>M</c> for a reference and an <c>L</c> of maps for a collection, built in turn from their own entries (owned
///     entities are tracked separately, with shadow properties only their entries hold).
/// </summary>
public static class DynamoItemAttributes
{
    /// <summary>
    ///     Every attribute of the item storing <paramref name="entry" />'s entity, owned entities included; null values
    ///     are left out.
    /// </summary>
    public static Dictionary<string, AttributeValue> Build(IUpdateEntry entry) => Build(entry, DynamoWriteShape.Of(entry.EntityType));

    /// <summary>
    ///     Every attribute of the item storing <paramref name="entry" />'s entity, whose type has the write shape
    ///     <paramref name="shape" />, owned entities included; null values are left out.
    /// </summary>
    public static Dictionary<string, AttributeValue> Build(IUpdateEntry entry, DynamoWriteShape shape)
    {
        var attributes = new Dictionary<string, AttributeValue>(shape.StoredProperties.Count, StringComparer.Ordinal);
        // Indexed loops: a foreach over a list's interface would allocate an enumerator per saved entity.
        var stored = shape.StoredProperties;
        for (var i = 0; i < stored.Count; i++)
        {
            var (property, attributeName, mapping) = stored[i];
            Add(attributeName, DynamoPropertyValueConverter.CurrentValueToAttributeValue(entry, property, mapping));
        }

        var complexProperties = shape.ComplexProperties;
        for (var i = 0; i < complexProperties.Count; i++)
        {
            var complexProperty = complexProperties[i];
            Add(complexProperty.Name, DynamoComplexPropertyConverter.ToAttributeValue(complexProperty, entry.GetCurrentValue(complexProperty)));
        }

        var ownedNavigations = shape.OwnedNavigations;
        for (var i = 0; i < ownedNavigations.Count; i++)
        {
            var navigation = ownedNavigations[i];
            Add(GetAttributeName(navigation), ToAttributeValue(entry, navigation));
        }

        return attributes;

        void Add(string attributeName, AttributeValue? value)
        {
            if (value != null)
            {
                attributes[attributeName] = value;
            }
        }
    }

    /// <summary>The attribute that holds an owned navigation.</summary>
    public static string GetAttributeName(INavigation ownedNavigation)
        => ownedNavigation.TargetEntityType.GetContainingAttributeName()!;

    /// <summary>The whole attribute of an owned navigation as it is now; <see langword="null" /> (absent) when it is null.</summary>
    public static AttributeValue? ToAttributeValue(IUpdateEntry owner, INavigation ownedNavigation)
    {
        var value = owner.GetCurrentValue(ownedNavigation);
        if (value == null)
        {
            return null;
        }

        // Every owned object reachable from a saved owner is tracked: DetectChanges ran before SaveChanges.
        var stateManager = ((InternalEntityEntry)owner).StateManager;
        var targetType = ownedNavigation.TargetEntityType;
        if (!ownedNavigation.IsCollection)
        {
            return new AttributeValue { M = Build(stateManager.TryGetEntry(value, targetType)!) };
        }

        var elements = ((IEnumerable)value).Cast<object>().Select(e => stateManager.TryGetEntry(e, targetType)!).ToList();
        DynamoOrdinalKeys.Assign(elements);
        return new AttributeValue { L = elements.Select(e => new AttributeValue { M = Build(e) }).ToList() };
    }
}

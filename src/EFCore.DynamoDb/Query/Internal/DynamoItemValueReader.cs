using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Reads property values out of a returned item, or out of the map of a complex value inside it; the compiled
///     shaper calls it in place of EF Core's value-buffer reads.
/// </summary>
public static class DynamoItemValueReader
{
    /// <summary><see cref="ReadValue{T}" />, for the shaper to call.</summary>
    public static readonly MethodInfo ReadValueMethod
        = typeof(DynamoItemValueReader).GetMethod(nameof(ReadValue))!;

    /// <summary><see cref="ReadMap" />, for the shaper to call.</summary>
    public static readonly MethodInfo ReadMapMethod
        = typeof(DynamoItemValueReader).GetMethod(nameof(ReadMap))!;

    /// <summary><see cref="ReadComplexCollection" />, for the shaper to call.</summary>
    public static readonly MethodInfo ReadComplexCollectionMethod
        = typeof(DynamoItemValueReader).GetMethod(nameof(ReadComplexCollection))!;

    /// <summary><see cref="ReadOwnedCollection" />, for the shaper to call.</summary>
    public static readonly MethodInfo ReadOwnedCollectionMethod
        = typeof(DynamoItemValueReader).GetMethod(nameof(ReadOwnedCollection))!;

    /// <summary>
    ///     The value of <paramref name="property" /> stored in <paramref name="item" />'s attribute <paramref
    ///     name="attributeName" />, converted with <paramref name="mapping" />; an absent attribute reads as the
    ///     property's default (an empty set for a set), and a value that cannot be read throws naming the property.
    /// </summary>
    public static T ReadValue<T>(Dictionary<string, AttributeValue>? item, string attributeName, DynamoTypeMapping mapping, IProperty property)
    {
        AttributeValue? attributeValue = null;
        item?.TryGetValue(attributeName, out attributeValue);
        object? value;
        try
        {
            value = attributeValue == null && !property.IsNullable ? mapping.FromAbsentAttribute() : mapping.FromAttributeValue(attributeValue);
        }
        catch (Exception exception) when (exception is FormatException or OverflowException or InvalidCastException or ArgumentException)
        {
            throw new InvalidOperationException(
                DynamoStrings.AttributeNotReadable(attributeName, property.DeclaringType.DisplayName(), property.Name, exception.Message),
                exception);
        }

        // An attribute missing from an older item reads as the property's default, as Flywheel does (an empty set for a set).
        return value == null ? default! : (T)value;
    }

    /// <summary>The map of a complex value; <see langword="null" /> when it is absent, so that its properties read as absent.</summary>
    public static Dictionary<string, AttributeValue>? ReadMap(Dictionary<string, AttributeValue>? item, string attributeName)
        => item != null && item.TryGetValue(attributeName, out var value) ? value.M : null;

    /// <summary>A complex collection from its <c>L</c> of maps, each materialized by EF Core's materializer; absent is null.</summary>
    public static TCollection ReadComplexCollection<TCollection, TElement>(
        Dictionary<string, AttributeValue>? item,
        string attributeName,
        Func<Dictionary<string, AttributeValue>, TElement> materializeElement)
        => item != null && item.TryGetValue(attributeName, out var value) && value.L != null
            ? (TCollection)DynamoCollectionFactory.Create(typeof(TCollection), value.L.Select(e => e.M == null ? default! : materializeElement(e.M)).ToList())
            : default!;

    /// <summary>
    ///     The elements of an owned collection from its <c>L</c> of maps, each materialized with its position (from 1) as
    ///     its ordinal key; absent is null.
    /// </summary>
    public static IReadOnlyList<TElement>? ReadOwnedCollection<TElement>(
        Dictionary<string, AttributeValue>? item,
        string attributeName,
        Func<Dictionary<string, AttributeValue>, int, TElement> materializeElement)
        => item != null && item.TryGetValue(attributeName, out var value) && value.L != null
            ? value.L.Select((e, i) => materializeElement(e.M ?? [], i + 1)).ToList()
            : null;
}

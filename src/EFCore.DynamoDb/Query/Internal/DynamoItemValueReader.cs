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

    /// <summary><see cref="ReadScalar{T}" />, for the shaper to call.</summary>
    public static readonly MethodInfo ReadScalarMethod
        = typeof(DynamoItemValueReader).GetMethod(nameof(ReadScalar))!;

    /// <summary><see cref="ReadNullableScalar{T}" />, for the shaper to call.</summary>
    public static readonly MethodInfo ReadNullableScalarMethod
        = typeof(DynamoItemValueReader).GetMethod(nameof(ReadNullableScalar))!;

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
        catch (Exception exception) when (IsUnreadable(exception))
        {
            throw NotReadable(attributeName, property, exception);
        }

        // An attribute missing from an older item reads as the property's default, as Flywheel does (an empty set for a set).
        return value == null ? default! : (T)value;
    }

    /// <summary>
    ///     <see cref="ReadValue{T}" /> of a scalar property without a value converter, read typed by its codec: no boxing,
    ///     no call through the type mapping. An absent or NULL attribute reads as the default.
    /// </summary>
    public static T ReadScalar<T>(Dictionary<string, AttributeValue>? item, string attributeName, DynamoScalarCodec<T> codec, IProperty property)
        => TryGetAttribute(item, attributeName, out var attributeValue) ? Read(attributeValue, attributeName, codec, property) : default!;

    /// <summary><see cref="ReadScalar{T}" /> of a nullable value type: an absent or NULL attribute reads as null.</summary>
    public static T? ReadNullableScalar<T>(Dictionary<string, AttributeValue>? item, string attributeName, DynamoScalarCodec<T> codec, IProperty property)
        where T : struct
        => TryGetAttribute(item, attributeName, out var attributeValue) ? Read(attributeValue, attributeName, codec, property) : null;

    private static bool TryGetAttribute(Dictionary<string, AttributeValue>? item, string attributeName, out AttributeValue attributeValue)
    {
        attributeValue = null!;
        return item != null && item.TryGetValue(attributeName, out attributeValue!) && attributeValue.NULL != true;
    }

    private static T Read<T>(AttributeValue attributeValue, string attributeName, DynamoScalarCodec<T> codec, IProperty property)
    {
        try
        {
            return codec.ReadScalar(attributeValue);
        }
        catch (Exception exception) when (IsUnreadable(exception))
        {
            throw NotReadable(attributeName, property, exception);
        }
    }

    private static bool IsUnreadable(Exception exception)
        => exception is FormatException or OverflowException or InvalidCastException or ArgumentException;

    private static InvalidOperationException NotReadable(string attributeName, IProperty property, Exception exception)
        => new(DynamoStrings.AttributeNotReadable(attributeName, property.DeclaringType.DisplayName(), property.Name, exception.Message), exception);

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

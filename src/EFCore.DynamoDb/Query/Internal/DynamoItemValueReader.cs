using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Reads property values out of a returned item; the compiled shaper calls it in place of EF Core's
///     value-buffer reads.
/// </summary>
public static class DynamoItemValueReader
{
    public static readonly MethodInfo ReadValueMethod
        = typeof(DynamoItemValueReader).GetMethod(nameof(ReadValue))!;

    public static T ReadValue<T>(Dictionary<string, AttributeValue> item, string attributeName, DynamoTypeMapping mapping, IProperty property)
    {
        item.TryGetValue(attributeName, out var attributeValue);
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
}

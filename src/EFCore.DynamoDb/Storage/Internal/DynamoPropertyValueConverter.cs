using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Converts a property's value to its attribute, turning any refusal (a number DynamoDB cannot store, a failing
///     converter) into an error that names the entity type and the property.
/// </summary>
public static class DynamoPropertyValueConverter
{
    /// <summary>
    ///     Converts a value with the property's own type mapping; <see langword="null" /> means no attribute.
    /// </summary>
    public static AttributeValue? ToAttributeValue(IReadOnlyProperty property, object? value)
        => ToAttributeValue(property, (DynamoTypeMapping)property.GetTypeMapping(), value);

    /// <summary>Converts a value with <paramref name="mapping" />: the property's own, or that of its elements.</summary>
    public static AttributeValue? ToAttributeValue(IReadOnlyProperty property, DynamoTypeMapping mapping, object? value)
    {
        try
        {
            return mapping.ToAttributeValue(value);
        }
        catch (Exception exception) when (IsRefusal(exception))
        {
            throw NotStorable(property, exception);
        }
    }

    /// <summary>
    ///     Converts the current value of <paramref name="property" /> in <paramref name="entry" /> with
    ///     <paramref name="mapping" />, the property's own, without boxing a value of a value type where it can.
    /// </summary>
    public static AttributeValue? CurrentValueToAttributeValue(IUpdateEntry entry, IProperty property, DynamoTypeMapping mapping)
    {
        try
        {
            return mapping.CurrentValueToAttributeValue(entry, property);
        }
        catch (Exception exception) when (IsRefusal(exception))
        {
            throw NotStorable(property, exception);
        }
    }

    /// <summary>Converts the current value of a key property: keys may be neither null nor empty.</summary>
    public static AttributeValue CurrentKeyValueToAttributeValue(IUpdateEntry entry, IProperty property, DynamoTypeMapping mapping)
        => EnsureKey(property, CurrentValueToAttributeValue(entry, property, mapping));

    private static bool IsRefusal(Exception exception)
        => exception is ArgumentException or InvalidCastException or FormatException or OverflowException;

    private static InvalidOperationException NotStorable(IReadOnlyProperty property, Exception exception)
        => new(DynamoStrings.PropertyValueNotStorable(property.DeclaringType.DisplayName(), property.Name, exception.Message), exception);

    /// <summary>Converts a key value: keys may be neither null nor empty.</summary>
    public static AttributeValue ToKeyAttributeValue(IReadOnlyProperty property, object? value)
        => EnsureKey(property, ToAttributeValue(property, value));

    /// <summary>Converts a key value with <paramref name="mapping" />, the property's own: keys may be neither null nor empty.</summary>
    public static AttributeValue ToKeyAttributeValue(IReadOnlyProperty property, DynamoTypeMapping mapping, object? value)
        => EnsureKey(property, ToAttributeValue(property, mapping, value));

    /// <summary>The attribute of a key property, refused when it is absent (null) or empty.</summary>
    public static AttributeValue EnsureKey(IReadOnlyProperty property, AttributeValue? attributeValue)
    {
        if (attributeValue == null
            || attributeValue.S?.Length == 0
            || attributeValue.B?.Length == 0)
        {
            throw new InvalidOperationException(
                DynamoStrings.KeyValueMissing(property.DeclaringType.DisplayName(), property.Name));
        }

        return attributeValue;
    }
}

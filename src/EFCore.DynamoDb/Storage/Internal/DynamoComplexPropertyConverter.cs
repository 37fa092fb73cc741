using System.Collections;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Converts the value of a complex property to its attribute: an object to an <c>M</c> of its properties (each
///     through its own type mapping, nested complex properties recursively), a collection to an <c>L</c> of such maps;
///     <see langword="null" /> is an absent attribute (a <c>NULL</c> element inside a list).
/// </summary>
public static class DynamoComplexPropertyConverter
{
    /// <summary>
    ///     The attribute storing <paramref name="value" /> of <paramref name="complexProperty" />; <see langword="null"
    ///     /> (no attribute) for a null value.
    /// </summary>
    public static AttributeValue? ToAttributeValue(IComplexProperty complexProperty, object? value)
        => value == null
            ? null
            : complexProperty.IsCollection
                ? new AttributeValue
                {
                    L = ((IEnumerable)value).Cast<object?>()
                        .Select(e => e == null ? DynamoDocumentValues.Null : ToMap(complexProperty.ComplexType, e))
                        .ToList()
                }
                : ToMap(complexProperty.ComplexType, value);

    private static AttributeValue ToMap(IComplexType complexType, object value)
    {
        var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var property in complexType.GetProperties())
        {
            if (DynamoPropertyValueConverter.ToAttributeValue(property, property.GetGetter().GetClrValue(value)) is { } attributeValue)
            {
                map[property.GetAttributeName()] = attributeValue;
            }
        }

        foreach (var complexProperty in complexType.GetComplexProperties())
        {
            if (ToAttributeValue(complexProperty, complexProperty.GetGetter().GetClrValue(value)) is { } attributeValue)
            {
                map[complexProperty.Name] = attributeValue;
            }
        }

        return new AttributeValue { M = map };
    }
}

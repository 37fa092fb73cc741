using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>Writes the elements of an atomic set operation as a set of the property's own type (SS, NS or BS).</summary>
public static class DynamoSetElements
{
    /// <summary>
    ///     The elements as a set attribute of <paramref name="setProperty" />'s element type, each converted with the
    ///     element mapping.
    /// </summary>
    public static AttributeValue ToAttributeValue(IProperty setProperty, IReadOnlyCollection<object> elements)
    {
        var elementType = setProperty.ClrType.GetInterfaces().Append(setProperty.ClrType)
            .First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ISet<>))
            .GetGenericArguments()[0];
        var typed = Array.CreateInstance(elementType, elements.Count);
        var index = 0;
        foreach (var element in elements)
        {
            typed.SetValue(element, index++);
        }

        return ((DynamoTypeMapping)setProperty.GetTypeMapping()).Codec.Write(typed);
    }
}

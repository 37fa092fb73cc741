using EFCore.DynamoDb.Metadata.Internal;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Reads the DynamoDB mapping of a property: its attribute name.</summary>
public static class DynamoDbPropertyExtensions
{
    /// <summary>The attribute the property is stored in; by default the property name.</summary>
    public static string GetAttributeName(this IReadOnlyProperty property)
        => (string?)property[DynamoAnnotationNames.AttributeName] ?? property.Name;

    /// <summary>Sets the attribute name on a mutable property.</summary>
    public static void SetAttributeName(this IMutableProperty property, string? name)
        => property.SetOrRemoveAnnotation(DynamoAnnotationNames.AttributeName, name);
}

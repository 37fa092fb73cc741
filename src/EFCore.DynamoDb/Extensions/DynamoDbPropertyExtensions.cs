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

    /// <summary>Whether the property is a composite computed from other properties.</summary>
    public static bool IsDynamoComposite(this IReadOnlyProperty property)
        => property[DynamoAnnotationNames.CompositeComponents] != null;

    /// <summary>The names of the properties a composite is computed from, in order; empty for other properties.</summary>
    public static IReadOnlyList<string> GetCompositeComponentNames(this IReadOnlyProperty property)
        => (string[]?)property[DynamoAnnotationNames.CompositeComponents] ?? [];

    /// <summary>The text between the components of a joined composite; <c>:</c> by default.</summary>
    public static string GetCompositeSeparator(this IReadOnlyProperty property)
        => (string?)property[DynamoAnnotationNames.CompositeSeparator] ?? ":";

    /// <summary>The text a joined composite starts with, before its components (such as <c>ORDER#</c>); empty by default.</summary>
    public static string GetCompositePrefix(this IReadOnlyProperty property)
        => (string?)property[DynamoAnnotationNames.CompositePrefix] ?? "";

    /// <summary>The custom merge of a composite, taking the entity; <see langword="null" /> when its components are joined.</summary>
    public static Func<object, object?>? GetCompositeMerge(this IReadOnlyProperty property)
        => (Func<object, object?>?)property[DynamoAnnotationNames.CompositeMerge];
}

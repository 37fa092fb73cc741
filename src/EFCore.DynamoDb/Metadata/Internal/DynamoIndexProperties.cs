namespace EFCore.DynamoDb.Metadata.Internal;

/// <summary>Resolves the property names an index configuration refers to, refusing names that map nothing.</summary>
public static class DynamoIndexProperties
{
    /// <summary>
    ///     The property <paramref name="propertyName" /> of <paramref name="entityType" />; throws an <see
    ///     cref="ArgumentException" /> naming the index when there is none.
    /// </summary>
    public static IMutableProperty Find(IMutableEntityType entityType, string indexName, string propertyName)
        => entityType.FindProperty(propertyName)
            ?? throw new ArgumentException(
                DynamoStrings.IndexPropertyNotMapped(entityType.DisplayName(), indexName, propertyName), nameof(propertyName));
}

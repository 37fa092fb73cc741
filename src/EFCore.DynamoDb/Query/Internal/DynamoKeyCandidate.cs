namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     A key a query can read through: the table's primary key, or a secondary index, in the order Flywheel tries
///     them (table, local indexes, global indexes).
/// </summary>
public sealed record DynamoKeyCandidate(IIndex? Index, IProperty PartitionKey, IProperty? SortKey)
{
    /// <summary>The index's name; <see langword="null" /> for the table's own key.</summary>
    public string? IndexName => Index?.Name;

    /// <summary>Whether this is the table's own primary key.</summary>
    public bool IsTable => Index == null;

    /// <summary>
    ///     Whether this is a global secondary index, which reads eventually consistent only and may project less than
    ///     the item.
    /// </summary>
    public bool IsGlobalIndex => Index?.GetDynamoIndexKind() == DynamoIndexKind.Global;

    /// <summary>How messages name the candidate: <c>the table key</c> or the index's name in quotes.</summary>
    public string DisplayName => Index == null ? "the table key" : "'" + Index.Name + "'";

    /// <summary>
    ///     The keys <paramref name="entityType" />'s queries can read through, in the order they are tried.
    /// </summary>
    public static IReadOnlyList<DynamoKeyCandidate> For(IEntityType entityType)
        => [
            new(null, entityType.GetPartitionKeyProperty(), entityType.GetSortKeyProperty()),
            .. entityType.GetLocalSecondaryIndexes().Select(i => new DynamoKeyCandidate(i, i.GetPartitionKeyProperty(), i.GetSortKeyProperty())),
            .. entityType.GetGlobalSecondaryIndexes().Select(i => new DynamoKeyCandidate(i, i.GetPartitionKeyProperty(), i.GetSortKeyProperty()))
        ];

    /// <summary>Whether reading through this key returns every attribute in <paramref name="attributeNames" />.</summary>
    public bool Covers(IEntityType entityType, IEnumerable<string> attributeNames)
    {
        if (Index == null || Index.GetProjectionType() == DynamoProjectionType.All)
        {
            return true;
        }

        // Every index holds the table's key and its own key; INCLUDE adds the named attributes.
        var projected = new HashSet<string>(StringComparer.Ordinal)
        {
            entityType.GetPartitionKeyProperty().GetAttributeName(),
            PartitionKey.GetAttributeName()
        };
        AddIfPresent(projected, entityType.GetSortKeyProperty());
        AddIfPresent(projected, SortKey);
        foreach (var name in Index.GetIncludedPropertyNames())
        {
            AddIfPresent(projected, entityType.FindProperty(name));
        }

        return attributeNames.All(projected.Contains);
    }

    private static void AddIfPresent(HashSet<string> attributes, IReadOnlyProperty? property)
    {
        if (property != null)
        {
            attributes.Add(property.GetAttributeName());
        }
    }
}

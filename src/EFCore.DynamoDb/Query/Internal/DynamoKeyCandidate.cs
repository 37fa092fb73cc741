namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     A key a query can read through: the table's primary key, or a secondary index, in the order Flywheel tries
///     them (table, local indexes, global indexes). A global index may key on several partition and sort attributes
///     (DynamoDB's multi-attribute keys); the table and local indexes have one of each at most.
/// </summary>
public sealed record DynamoKeyCandidate(IIndex? Index, IReadOnlyList<IProperty> PartitionKey, IReadOnlyList<IProperty> SortKey)
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

    /// <summary>Every attribute of the key, partition attributes first.</summary>
    public IEnumerable<IProperty> KeyProperties => PartitionKey.Concat(SortKey);

    /// <summary>
    ///     The keys <paramref name="entityType" />'s queries can read through, in the order they are tried.
    /// </summary>
    public static IReadOnlyList<DynamoKeyCandidate> For(IEntityType entityType)
        => [
            new(null, [entityType.GetPartitionKeyProperty()], entityType.GetSortKeyProperty() is { } sortKey ? [sortKey] : []),
            .. entityType.GetLocalSecondaryIndexes().Select(ForIndex),
            .. entityType.GetGlobalSecondaryIndexes().Select(ForIndex)
        ];

    /// <summary>Whether reading through this key returns every attribute in <paramref name="attributeNames" />.</summary>
    public bool Covers(IEntityType entityType, IEnumerable<string> attributeNames)
    {
        if (Index == null || Index.GetProjectionType() == DynamoProjectionType.All)
        {
            return true;
        }

        // Every index holds the table's key and its own key; INCLUDE adds the named attributes.
        var projected = entityType.GetTableKeyProperties().Concat(KeyProperties)
            .Concat(Index.GetIncludedPropertyNames().Select(entityType.FindProperty).OfType<IProperty>())
            .Select(p => p.GetAttributeName())
            .ToHashSet(StringComparer.Ordinal);
        return attributeNames.All(projected.Contains);
    }

    private static DynamoKeyCandidate ForIndex(IIndex index) => new(index, index.GetPartitionKeyProperties(), index.GetSortKeyProperties());
}

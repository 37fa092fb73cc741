namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     A key a query can read through: the table's primary key, or a secondary index, in the order Flywheel tries
///     them (table, local indexes, global indexes). A global index may key on several partition and sort attributes
///     (DynamoDB's multi-attribute keys); the table and local indexes have one of each at most.
/// </summary>
public sealed record DynamoKeyCandidate(IIndex? Index, IReadOnlyList<IProperty> PartitionKey, IReadOnlyList<IProperty> SortKey)
{
    public string? IndexName => Index?.Name;

    public bool IsTable => Index == null;

    public bool IsGlobalIndex => Index?.GetDynamoIndexKind() == DynamoIndexKind.Global;

    public string DisplayName => Index == null ? "the table key" : "'" + Index.Name + "'";

    /// <summary>Every attribute of the key, partition attributes first.</summary>
    public IEnumerable<IProperty> KeyProperties => PartitionKey.Concat(SortKey);

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
        var projected = entityType.FindPrimaryKey()!.Properties.Concat(KeyProperties)
            .Concat(Index.GetIncludedPropertyNames().Select(entityType.FindProperty).OfType<IProperty>())
            .Select(p => p.GetAttributeName())
            .ToHashSet(StringComparer.Ordinal);
        return attributeNames.All(projected.Contains);
    }

    private static DynamoKeyCandidate ForIndex(IIndex index) => new(index, index.GetPartitionKeyProperties(), index.GetSortKeyProperties());
}

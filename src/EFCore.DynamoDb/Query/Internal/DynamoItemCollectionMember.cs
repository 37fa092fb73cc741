using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     One included collection of a partition read by one <c>Query</c> (<see cref="DynamoItemCollectionRead" />): its
///     dependents are the partition's items that meet its condition, each belonging to the parent whose principal key
///     its foreign key holds. Only the dependents of a parent read are shaped (as a <c>Query</c> by foreign key would
///     read no others), then linked to it, then their own collections loaded.
/// </summary>
public sealed class DynamoItemCollectionMember
{
    private readonly DynamoExpression _condition;
    private readonly Func<QueryContext, Dictionary<string, AttributeValue>, object> _shaper;
    private readonly DynamoCollectionLinker _linker;
    private readonly IReadOnlyList<IProperty> _foreignKey;
    private readonly IReadOnlyList<IProperty> _principalKey;
    private readonly KeyComparer _keyComparer;

    /// <param name="include">The include, whose foreign key links a dependent to its parent.</param>
    /// <param name="condition">What a dependent's item meets: the discriminator and the include's own conditions.</param>
    /// <param name="readFilter">The part of <paramref name="condition" /> that goes into the partition's <c>Query</c>.</param>
    /// <param name="shaper">Materializes a dependent from its item.</param>
    /// <param name="tracking">Whether the query tracks what it reads.</param>
    /// <param name="collections">The dependents' own included collections.</param>
    public DynamoItemCollectionMember(
        DynamoCollectionInclude include,
        DynamoExpression condition,
        DynamoExpression readFilter,
        Func<QueryContext, Dictionary<string, AttributeValue>, object> shaper,
        bool tracking,
        IReadOnlyList<DynamoItemCollectionMember> collections)
    {
        _condition = condition;
        ReadFilter = readFilter;
        _shaper = shaper;
        _linker = new DynamoCollectionLinker(include, tracking);
        _foreignKey = include.Navigation.ForeignKey.Properties;
        _principalKey = include.Navigation.ForeignKey.PrincipalKey.Properties;
        _keyComparer = new KeyComparer(_principalKey);
        Collections = collections;
    }

    /// <summary>The condition the partition's <c>Query</c> filters this collection's items with.</summary>
    public DynamoExpression ReadFilter { get; }

    /// <summary>The dependents' own included collections (<c>ThenInclude</c>).</summary>
    public IReadOnlyList<DynamoItemCollectionMember> Collections { get; }

    /// <summary>
    ///     Shapes the dependents of <paramref name="parents" /> found in <paramref name="partition" />, links them, and
    ///     loads their own collections.
    /// </summary>
    /// <param name="queryContext">The query's context, which holds its parameters.</param>
    /// <param name="parents">The parents read, each with its item.</param>
    /// <param name="partition">The items of the partition.</param>
    public void Load(
        DynamoQueryContext queryContext,
        IReadOnlyList<(Dictionary<string, AttributeValue> Item, object Entity)> parents,
        IReadOnlyList<Dictionary<string, AttributeValue>> partition)
    {
        var isDependent = new DynamoItemPredicate(_condition, queryContext.Parameters);
        var byForeignKey = partition
            .Where(isDependent.Matches)
            .Select(item => (Item: item, Key: Read(item, _foreignKey)))
            .Where(d => !d.Key.Contains(null))
            .ToLookup(d => d.Key, d => d.Item, _keyComparer);
        var dependents = new List<(Dictionary<string, AttributeValue> Item, object Entity)>();
        foreach (var parent in parents)
        {
            var shaped = byForeignKey[Read(parent.Item, _principalKey)].Select(item => (Item: item, Entity: _shaper(queryContext, item))).ToList();
            _linker.Link(queryContext, parent.Entity, [.. shaped.Select(d => d.Entity)]);
            dependents.AddRange(shaped);
        }

        foreach (var collection in Collections)
        {
            collection.Load(queryContext, dependents, partition);
        }
    }

    // The values the item holds for the key's properties, as the shaper reads them (also a shadow property's).
    private static object?[] Read(Dictionary<string, AttributeValue> item, IReadOnlyList<IProperty> key)
        => [.. key.Select(p => DynamoItemValueReader.ReadValue<object?>(item, p.GetAttributeName(), (DynamoTypeMapping)p.GetTypeMapping(), p))];

    // Foreign-key values equal principal-key values as EF compares the principal key's.
    private sealed class KeyComparer(IReadOnlyList<IProperty> principalKey) : IEqualityComparer<object?[]>
    {
        private readonly IReadOnlyList<ValueComparer> _comparers = [.. principalKey.Select(p => p.GetKeyValueComparer())];

        // Called per item of the partition: plain loops, no enumerators or closures.
        public bool Equals(object?[]? x, object?[]? y)
        {
            if (x == null || y == null)
            {
                return false;
            }

            for (var i = 0; i < _comparers.Count; i++)
            {
                if (!_comparers[i].Equals(x[i], y[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(object?[] obj)
        {
            var hash = new HashCode();
            for (var i = 0; i < _comparers.Count; i++)
            {
                hash.Add(obj[i] == null ? 0 : _comparers[i].GetHashCode(obj[i]));
            }

            return hash.ToHashCode();
        }
    }
}

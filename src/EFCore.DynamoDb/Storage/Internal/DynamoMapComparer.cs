namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Compares string-keyed dictionaries by their entries and snapshots them as copies, so that change tracking sees a
///     change made inside the dictionary, as Flywheel does for its dict fields.
/// </summary>
public sealed class DynamoMapComparer<TMap, TElement>(ValueComparer elementComparer)
    : ValueComparer<TMap>(
        (a, b) => AreEqual(a, b, elementComparer),
        m => HashOf(m, elementComparer),
        m => Snapshot(m, elementComparer))
    where TMap : class, IEnumerable<KeyValuePair<string, TElement>>
{
    private static bool AreEqual(TMap? a, TMap? b, ValueComparer elementComparer)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a == null || b == null)
        {
            return false;
        }

        var right = b.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var count = 0;
        foreach (var (key, value) in a)
        {
            count++;
            if (!right.TryGetValue(key, out var other) || !elementComparer.Equals(value, other))
            {
                return false;
            }
        }

        return count == right.Count;
    }

    private static int HashOf(TMap map, ValueComparer elementComparer)
    {
        var hash = 0;
        foreach (var (key, value) in map)
        {
            hash ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(key), value == null ? 0 : elementComparer.GetHashCode(value));
        }

        return hash;
    }

    private static TMap Snapshot(TMap map, ValueComparer elementComparer)
        => (TMap)DynamoCollectionFactory.CreateMap(
            typeof(TMap), map.Select(e => KeyValuePair.Create(e.Key, (TElement)elementComparer.Snapshot(e.Value)!)).ToList());
}

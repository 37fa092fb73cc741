namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Compares lists (in order) or sets (in any order) by their elements, and snapshots them as copies, so that
///     change tracking sees a change made inside the collection, as Flywheel does for its list and set fields.
/// </summary>
public sealed class DynamoCollectionComparer<TCollection, TElement>(ValueComparer elementComparer, bool ordered)
    : ValueComparer<TCollection>(
        (a, b) => AreEqual(a, b, elementComparer, ordered),
        c => HashOf(c, elementComparer, ordered),
        c => Snapshot(c, elementComparer))
    where TCollection : class, IEnumerable<TElement>
{
    private static bool AreEqual(TCollection? a, TCollection? b, ValueComparer elementComparer, bool ordered)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a == null || b == null)
        {
            return false;
        }

        var left = a.ToList();
        var right = b.ToList();
        if (left.Count != right.Count)
        {
            return false;
        }

        return ordered
            ? left.Zip(right).All(pair => elementComparer.Equals(pair.First, pair.Second))
            : left.All(l => right.Any(r => elementComparer.Equals(l, r)));
    }

    private static int HashOf(TCollection collection, ValueComparer elementComparer, bool ordered)
    {
        var hash = new HashCode();
        var unorderedHash = 0;
        foreach (var element in collection)
        {
            var elementHash = element == null ? 0 : elementComparer.GetHashCode(element);
            hash.Add(elementHash);
            unorderedHash ^= elementHash;
        }

        return ordered ? hash.ToHashCode() : unorderedHash;
    }

    private static TCollection Snapshot(TCollection collection, ValueComparer elementComparer)
        => (TCollection)DynamoCollectionFactory.Create(
            typeof(TCollection), collection.Select(e => (TElement)elementComparer.Snapshot(e)!).ToList());
}

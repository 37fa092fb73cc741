using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
///     Groups the entries of a <c>SaveChanges</c> into one write per item. An owned entity is stored inside its owner's
///     item, so its entry never becomes a write of its own: it marks the owned navigation of its root owner (the
///     outermost one, for nested ownership) whose attribute is rewritten, even when the owner itself is unchanged.
/// </summary>
public static class DynamoAggregateCollector
{
    /// <summary>
    ///     One aggregate per item written by the save: each changed root entry, with the owned navigations whose
    ///     attributes it rewrites.
    /// </summary>
    /// <param name="entries">The entries of the save.</param>
    /// <param name="anyOwned">Whether an entry is of an owned entity type (the caller looked at every entry's shape already).</param>
    public static DynamoAggregate[] Collect(IList<IUpdateEntry> entries, bool anyOwned)
    {
        // Most saves hold no owned entry: each entry is then an item of its own, with nothing to group.
        if (!anyOwned)
        {
            var aggregates = new DynamoAggregate[entries.Count];
            for (var i = 0; i < aggregates.Length; i++)
            {
                var entry = entries[i];
                aggregates[i] = new DynamoAggregate(entry, DynamoWriteShape.Of(entry.EntityType));
            }

            return aggregates;
        }

        // Kept in the order the roots first appear, so writes go out in the order EF Core gave.
        var changedNavigations = new Dictionary<IUpdateEntry, HashSet<INavigation>>(ReferenceEqualityComparer.Instance);
        var entriesOfRoot = new Dictionary<IUpdateEntry, List<IUpdateEntry>>(ReferenceEqualityComparer.Instance);
        var roots = new List<IUpdateEntry>();
        foreach (var entry in entries)
        {
            var (root, navigation) = FindRoot((InternalEntityEntry)entry);
            if (root == null)
            {
                continue;
            }

            if (!changedNavigations.TryGetValue(root, out var navigations))
            {
                navigations = [];
                changedNavigations.Add(root, navigations);
                entriesOfRoot.Add(root, []);
                roots.Add(root);
            }

            entriesOfRoot[root].Add(entry);

            if (navigation != null)
            {
                navigations.Add(navigation);
            }
        }

        return [.. roots.Select(root => new DynamoAggregate(root, DynamoWriteShape.Of(root.EntityType), changedNavigations[root], entriesOfRoot[root]))];
    }

    // The root owner of an entry (the entry itself when it is not owned) and the root's navigation that leads to it;
    // no root when the owner is no longer tracked.
    private static (IUpdateEntry? Root, INavigation? Navigation) FindRoot(InternalEntityEntry entry)
    {
        INavigation? navigation = null;
        var current = entry;
        while (current.EntityType.FindOwnership() is { } ownership)
        {
            navigation = ownership.PrincipalToDependent;
            current = current.StateManager.FindPrincipal(current, ownership);
            if (current == null)
            {
                return (null, null);
            }
        }

        return (current, navigation);
    }
}

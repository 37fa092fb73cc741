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
    ///     One aggregate per item written by a save holding owned entries: each changed root entry, with the owned
    ///     navigations whose attributes it rewrites. (In a save without owned entries, each entry is an item of its own.)
    /// </summary>
    public static DynamoAggregate[] Collect(IList<IUpdateEntry> entries)
    {
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

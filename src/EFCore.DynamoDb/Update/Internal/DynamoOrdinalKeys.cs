using EFCore.DynamoDb.Metadata.Internal;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
///     Keeps the ordinal keys of an owned collection's tracked elements equal to their positions in the list being
///     written (1, 2, …: 0 is the CLR default, which EF Core takes for a key not yet set), as a query reading the list
///     back would number them, and replaces the temporary values of added elements.
/// </summary>
public static class DynamoOrdinalKeys
{
    /// <summary>
    ///     Numbers the ordinal keys of <paramref name="elements" /> (the tracked elements of one owned collection, in
    ///     list order) 1, 2, ….
    /// </summary>
    public static void Assign(IReadOnlyList<InternalEntityEntry> elements)
    {
        if (elements.Count == 0
            || elements[0].EntityType.FindPrimaryKey()!.Properties.FirstOrDefault(DynamoOwnedKeys.IsOrdinalKey) is not { } ordinalKey
            || elements.Select((e, i) => !e.HasTemporaryValue(ordinalKey) && (int)e.GetCurrentValue(ordinalKey)! == i + 1).All(inPlace => inPlace))
        {
            return;
        }

        // Every element first moves to a temporary key, so that no two of them ever share a key while they are renumbered.
        for (var i = 0; i < elements.Count; i++)
        {
            elements[i].SetTemporaryValue(ordinalKey, -(i + 1), setModified: false);
        }

        for (var i = 0; i < elements.Count; i++)
        {
            elements[i].SetStoreGeneratedValue(ordinalKey, i + 1, setModified: false);
        }
    }
}

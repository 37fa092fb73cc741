namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
///     Advances integer row versions (<c>IsRowVersion()</c>, like <c>[DynamoDBVersion]</c>): an insert stores 1 unless
///     a version was set, every update stores the read version plus one. The read version is a condition of the write
///     (a row version is a concurrency token), and the new one flows back into the entity after the save.
/// </summary>
public static class DynamoRowVersions
{
    /// <summary>Sets the new row version of an added or modified entry; other entries are left alone.</summary>
    /// <param name="entry">The entry saved.</param>
    /// <param name="shape">The write shape of its entity type.</param>
    public static void Apply(IUpdateEntry entry, DynamoWriteShape shape)
    {
        if (entry.EntityState is not (EntityState.Added or EntityState.Modified))
        {
            return;
        }

        // An indexed loop: a foreach over the list's interface would allocate an enumerator per saved entity.
        var rowVersions = shape.RowVersions;
        for (var i = 0; i < rowVersions.Count; i++)
        {
            var property = rowVersions[i];
            if (entry.EntityState == EntityState.Added)
            {
                if (Convert.ToInt64(entry.GetCurrentValue(property) ?? 0L, CultureInfo.InvariantCulture) == 0)
                {
                    entry.SetStoreGeneratedValue(property, ToPropertyType(property, 1));
                }
            }
            else
            {
                var read = Convert.ToInt64(entry.GetOriginalValue(property) ?? 0L, CultureInfo.InvariantCulture);
                entry.SetStoreGeneratedValue(property, ToPropertyType(property, read + 1));
            }
        }
    }

    /// <summary>Whether <paramref name="property" /> is a row version the provider advances: an integer <c>IsRowVersion()</c>.</summary>
    public static bool IsIntegerRowVersion(IProperty property)
        => property is { IsConcurrencyToken: true, ValueGenerated: ValueGenerated.OnAddOrUpdate }
            && Type.GetTypeCode(Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType)
                is TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64;

    private static object ToPropertyType(IProperty property, long value)
        => Convert.ChangeType(value, Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType, CultureInfo.InvariantCulture);
}

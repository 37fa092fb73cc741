using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
///     Validates an entry before anything is sent (Flywheel's <c>nullable=False</c> and <c>check=</c>): required
///     properties have values, strings and binaries fit their maximum length, and the entity's checks pass. Only
///     the properties being written are checked, and of those only the ones that can fail (see
///     <see cref="DynamoWriteShape.ValidatedProperties" />).
/// </summary>
public static class DynamoEntryValidator
{
    /// <summary>
    ///     Validates an added or modified entry, throwing with a message naming the entity and the property or check
    ///     that failed.
    /// </summary>
    /// <param name="entry">The entry saved.</param>
    /// <param name="shape">The write shape of its entity type.</param>
    public static void Validate(IUpdateEntry entry, DynamoWriteShape shape)
    {
        if (entry.EntityState is not (EntityState.Added or EntityState.Modified))
        {
            return;
        }

        var entityType = entry.EntityType;
        // An indexed loop: a foreach over the list's interface would allocate an enumerator per saved entity.
        for (var i = 0; i < shape.ValidatedProperties.Count; i++)
        {
            var (property, required, maxLength) = shape.ValidatedProperties[i];
            if (entry.EntityState == EntityState.Modified && !entry.IsModified(property))
            {
                continue;
            }

            var value = entry.GetCurrentValue(property);
            if (value == null)
            {
                // A composite may be null on purpose: its merge removes the attribute (a sparse index).
                if (required)
                {
                    throw new ValidationException(DynamoStrings.RequiredValueMissing(entityType.DisplayName(), property.Name));
                }

                continue;
            }

            if (maxLength != null && GetLength(value) is { } length && length > maxLength)
            {
                throw new ValidationException(DynamoStrings.MaxLengthExceeded(entityType.DisplayName(), property.Name, length, maxLength.Value));
            }
        }

        for (var i = 0; i < shape.Checks.Count; i++)
        {
            var check = shape.Checks[i];
            if (!check.Predicate(((InternalEntityEntry)entry).Entity))
            {
                throw new ValidationException(DynamoStrings.CheckFailed(entityType.DisplayName(), check.Name));
            }
        }
    }

    private static int? GetLength(object value)
        => value switch
        {
            string text => text.Length,
            byte[] bytes => bytes.Length,
            _ => null
        };
}

using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
///     Explains why a write's condition failed by what the condition checked: the values this context read, the
///     concurrency tokens of an entity it never read (whose original values are what it was attached with), or only
///     <c>SaveOnlyIf</c> conditions.
/// </summary>
public static class DynamoConflictMessages
{
    /// <summary>The message of the exception thrown when <paramref name="write" />'s condition failed.</summary>
    public static string ConditionFailed(DynamoWrite write)
    {
        var entityType = write.Entry.EntityType;
        if (write.Command.Kind == DynamoWriteCommandKind.Put)
        {
            return DynamoStrings.InsertConditionFailed(entityType.DisplayName(), write.Command.TableName);
        }

        if (write.OriginalValuesRead)
        {
            return DynamoStrings.ConcurrencyConflict(entityType.DisplayName(), write.Command.TableName);
        }

        var tokens = entityType.GetProperties().Where(p => p.IsConcurrencyToken).Select(p => p.Name).ToList();
        return tokens.Count > 0
            ? DynamoStrings.ConcurrencyTokenNotRead(
                entityType.DisplayName(), write.Command.TableName, string.Join(", ", tokens.Select(t => "'" + t + "'")), tokens[0])
            : DynamoStrings.SaveConditionFailed(entityType.DisplayName(), write.Command.TableName);
    }
}

using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Update.Internal;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Conditional saves on tracked entities.</summary>
public static class DynamoDbEntityEntryExtensions
{
    /// <summary>
    ///     Makes the entity's next write conditional on the item DynamoDB stores (Flywheel's
    ///     <c>sync(constraints=[…])</c>), for example <c>SaveOnlyIf(a =&gt; a.Balance &gt;= 200)</c> before withdrawing
    ///     200. If the condition does not hold, <c>SaveChanges</c> throws <see cref="DbUpdateConcurrencyException" /> and
    ///     writes nothing. The condition is translated now (captured values are read now), so one DynamoDB cannot
    ///     evaluate fails here.
    /// </summary>
    public static EntityEntry<TEntity> SaveOnlyIf<TEntity>(this EntityEntry<TEntity> entry, Expression<Func<TEntity, bool>> condition)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(condition);
        var translated = DynamoSaveConditionTranslator.Translate((IEntityType)entry.Metadata, condition);
        entry.Context.GetService<IDynamoSaveConditions>().Add(entry.Entity, translated);
        return entry;
    }
}

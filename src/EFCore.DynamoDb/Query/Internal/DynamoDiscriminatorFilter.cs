using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     The condition that keeps a query to its entity type's items when its table also holds items of other types
///     (a derived type's query, or single-table design): the discriminator equals one of the type's values.
/// </summary>
public static class DynamoDiscriminatorFilter
{
    /// <summary>
    ///     The discriminator condition of <paramref name="entityType" />'s queries, or <see langword="null" /> when its
    ///     table holds no other types.
    /// </summary>
    public static DynamoExpression? Create(IEntityType entityType)
    {
        var discriminator = entityType.FindDiscriminatorProperty();
        if (discriminator == null)
        {
            return null;
        }

        var queriedTypes = entityType.GetDerivedTypesInclusive().ToHashSet();
        var tableName = entityType.GetDynamoTableName();
        var tableHoldsOtherTypes = entityType.Model.GetEntityTypes()
            .Any(other => !queriedTypes.Contains(other) && !other.IsOwned() && other.GetDynamoTableName() == tableName);
        if (!tableHoldsOtherTypes)
        {
            return null;
        }

        var attribute = new DynamoAttributeExpression(discriminator);
        var values = queriedTypes.Where(t => !t.IsAbstract()).Select(t => t.GetDiscriminatorValue()).ToList();
        return values.Count == 1
            ? new DynamoComparisonExpression(
                attribute, DynamoComparisonOperator.Equal, new DynamoValueExpression(Expression.Constant(values[0], discriminator.ClrType), discriminator))
            : new DynamoInExpression(attribute, Expression.Constant(values));
    }
}

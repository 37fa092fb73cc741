using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Plans a query from <c>FromPartiQL</c>: one <c>ExecuteStatement</c>, paged by its next token. Its conditions (the
///     <c>Where</c>s, and the discriminator of a shared table) are joined to a plain <c>SELECT</c>; any other statement
///     takes none, and only the discriminator is then checked on the items returned. What PartiQL cannot be told is
///     refused by name.
/// </summary>
public static class DynamoPartiQLPlanner
{
    /// <summary>The plan of <paramref name="selectExpression" />, whose source is a PartiQL statement.</summary>
    public static DynamoAccessPlan Plan(DynamoSelectExpression selectExpression)
    {
        var source = selectExpression.PartiQL!;
        var options = selectExpression.ReadOptions;
        var refused = options.IndexName != null ? nameof(DynamoDbQueryableExtensions.WithIndex)
            : options.ScanLimit != null ? nameof(DynamoDbQueryableExtensions.WithScanLimit)
            : options.ParallelSegments != null ? nameof(DynamoDbQueryableExtensions.WithParallelScan)
            : null;
        if (refused != null)
        {
            throw new InvalidOperationException(DynamoStrings.PartiQLOperatorNotSupported(refused, source.Statement.Template));
        }

        var composable = source.IsComposable && (selectExpression.Predicate == null || DynamoPartiQLConditionRenderer.CanRender(selectExpression.Predicate));
        return new DynamoAccessPlan(
            DynamoAccessPath.ExecuteStatement,
            [],
            null,
            [],
            Filter: composable ? selectExpression.Predicate : null,
            ClientFilter: composable ? null : selectExpression.Predicate);
    }

    /// <summary>
    ///     Why <paramref name="condition" />, a <c>Where</c> on the statement of <paramref name="source" />, cannot be
    ///     added to it, or <see langword="null" /> when it can.
    /// </summary>
    public static string? FindWhereRefusal(DynamoPartiQLSource source, DynamoExpression condition)
        => !source.IsComposable ? DynamoStrings.PartiQLNotComposable(source.Statement.Template)
            : !DynamoPartiQLConditionRenderer.CanRender(condition) ? DynamoStrings.PartiQLNestedCondition(source.Statement.Template)
            : null;
}

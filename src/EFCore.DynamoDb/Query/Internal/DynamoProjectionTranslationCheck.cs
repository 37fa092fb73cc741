using System.Diagnostics.CodeAnalysis;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Finds, at translation, what a projection cannot be compiled into a read for, so that the query fails with EF
///     Core's translation error instead of at run time: <c>EF.Property</c> with a property name known only when the
///     query runs (the attributes to read are chosen at compilation), and, in an aggregate, a member of the entity
///     that is not mapped (its value is not in the item, so the aggregate would fold defaults).
/// </summary>
public sealed class DynamoProjectionTranslationCheck : ExpressionVisitor
{
    private static readonly MethodInfo EfPropertyMethod = typeof(EF).GetMethod(nameof(EF.Property))!;

    private readonly bool _findUnmappedMembers;

    private DynamoProjectionTranslationCheck(bool findUnmappedMembers) => _findUnmappedMembers = findUnmappedMembers;

    private string? Details { get; set; }

    /// <summary>
    ///     Why the selector <paramref name="selectorBody" />, as the user wrote it, cannot be translated, or
    ///     <see langword="null" /> when it can.
    /// </summary>
    public static string? FindInSelector(Expression selectorBody) => Find(selectorBody, findUnmappedMembers: false);

    /// <summary>
    ///     Why the values <paramref name="projection" /> (over the query's shaper) gives cannot be aggregated, or
    ///     <see langword="null" /> when they can.
    /// </summary>
    public static string? FindInAggregate(Expression projection) => Find(projection, findUnmappedMembers: true);

    private static string? Find(Expression expression, bool findUnmappedMembers)
    {
        var check = new DynamoProjectionTranslationCheck(findUnmappedMembers);
        check.Visit(expression);
        return check.Details;
    }

    /// <inheritdoc />
    [return: NotNullIfNotNull(nameof(node))]
    public override Expression? Visit(Expression? node) => Details == null ? base.Visit(node) : node;

    /// <inheritdoc />
    protected override Expression VisitMember(MemberExpression node)
    {
        if (_findUnmappedMembers
            && node.Expression is StructuralTypeShaperExpression { StructuralType: IEntityType entityType }
            && entityType.FindMember(node.Member.Name) == null)
        {
            Details = CoreStrings.QueryUnableToTranslateMember(node.Member.Name, entityType.DisplayName());
            return node;
        }

        return base.VisitMember(node);
    }

    /// <inheritdoc />
    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (!_findUnmappedMembers
            && node.Method.IsGenericMethod
            && node.Method.GetGenericMethodDefinition() == EfPropertyMethod
            && node.Arguments[1] is not ConstantExpression)
        {
            Details = DynamoStrings.PropertyNameNotConstant(node.Arguments[1].Print());
            return node;
        }

        return base.VisitMethodCall(node);
    }

    /// <inheritdoc />
    protected override Expression VisitExtension(Expression node)
        => node is StructuralTypeShaperExpression ? node : base.VisitExtension(node);
}

namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary>
///     <c>a AND b AND c</c>: conditions that must all hold, written side by side without parentheses of their own —
///     how a write joins its conflict rules, its key check and the conditions the application added.
/// </summary>
public sealed class DynamoConjunctionExpression : DynamoExpression
{
    private DynamoConjunctionExpression(IReadOnlyList<DynamoExpression> operands) => Operands = operands;

    /// <summary>The conditions, in the order they are written.</summary>
    public IReadOnlyList<DynamoExpression> Operands { get; }

    /// <summary>
    ///     The conjunction of <paramref name="operands" />: <see langword="null" /> when there is none, the condition
    ///     itself when there is one.
    /// </summary>
    public static DynamoExpression? Of(IEnumerable<DynamoExpression?> operands)
    {
        var conditions = operands.OfType<DynamoExpression>().ToList();
        return conditions.Count switch
        {
            0 => null,
            1 => conditions[0],
            _ => new DynamoConjunctionExpression(conditions)
        };
    }

    /// <summary>This conjunction of other conditions, or this very node when they are the same.</summary>
    public DynamoConjunctionExpression Update(IReadOnlyList<DynamoExpression> operands)
        => ReferenceEquals(operands, Operands) ? this : new DynamoConjunctionExpression(operands);

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
        => DynamoChildren.Visit(visitor, Operands) is { } operands ? Update(operands) : this;

    /// <inheritdoc />
    public override string ToString() => string.Join(" AND ", Operands);
}

namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>
///     <c>size(attribute) op value</c>: the length of a string or binary value, or the element count of a set, list or
///     map (<c>x.Name.Length</c>, <c>x.Tags.Count</c>, <c>x.Items.Count()</c>). Never a key condition.
/// </summary>
public sealed class DynamoSizeExpression(
    DynamoAttributeExpression attribute,
    DynamoComparisonOperator @operator,
    DynamoValueExpression value) : DynamoExpression
{
    public DynamoAttributeExpression Attribute { get; } = attribute;

    public DynamoComparisonOperator Operator { get; } = @operator;

    /// <summary>The size compared with: a number.</summary>
    public DynamoValueExpression Value { get; } = value;

    public override string ToString() => $"size({Attribute}) {Operator} {Value}";
}

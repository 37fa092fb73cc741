namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary><c>attribute IN (v1, v2, …)</c>: the attribute equals one of the values.</summary>
public sealed class DynamoInExpression(DynamoAttributeExpression attribute, IReadOnlyList<DynamoValueExpression> values) : DynamoExpression
{
    public DynamoAttributeExpression Attribute { get; } = attribute;

    public IReadOnlyList<DynamoValueExpression> Values { get; } = values;

    public override string ToString() => $"{Attribute} IN ({string.Join(", ", Values)})";
}

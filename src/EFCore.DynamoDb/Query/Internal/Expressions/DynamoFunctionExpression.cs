namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary><c>begins_with(attribute, value)</c> or <c>contains(attribute, value)</c>.</summary>
public sealed class DynamoFunctionExpression(DynamoFunction function, DynamoAttributeExpression attribute, DynamoValueExpression value)
    : DynamoExpression
{
    public DynamoFunction Function { get; } = function;

    public DynamoAttributeExpression Attribute { get; } = attribute;

    public DynamoValueExpression Value { get; } = value;

    public string FunctionName => Function == DynamoFunction.BeginsWith ? "begins_with" : "contains";

    public override string ToString() => $"{FunctionName}({Attribute}, {Value})";
}

namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary><c>begins_with(attribute, value)</c> or <c>contains(attribute, value)</c>.</summary>
public sealed class DynamoFunctionExpression(DynamoFunction function, DynamoAttributeExpression attribute, DynamoValueExpression value)
    : DynamoExpression
{
    public DynamoFunction Function { get; } = function;

    public DynamoAttributeExpression Attribute { get; } = attribute;

    public DynamoValueExpression Value { get; } = value;

    public string FunctionName => Function == DynamoFunction.BeginsWith ? "begins_with" : "contains";

    /// <summary>This call with other arguments, or this very node when they are the same.</summary>
    public DynamoFunctionExpression Update(DynamoAttributeExpression attribute, DynamoValueExpression value)
        => attribute == Attribute && value == Value ? this : new DynamoFunctionExpression(Function, attribute, value);

    protected override Expression VisitChildren(ExpressionVisitor visitor)
        => Update(visitor.VisitAndConvert(Attribute, nameof(VisitChildren)), visitor.VisitAndConvert(Value, nameof(VisitChildren)));

    public override string ToString() => $"{FunctionName}({Attribute}, {Value})";
}

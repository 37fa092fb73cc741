namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary><c>begins_with(attribute, value)</c> or <c>contains(attribute, value)</c>.</summary>
public sealed class DynamoFunctionExpression(DynamoFunction function, DynamoAttributeExpression attribute, DynamoValueExpression value)
    : DynamoExpression
{
    /// <summary>Which function is called.</summary>
    public DynamoFunction Function { get; } = function;

    /// <summary>The attribute the function tests.</summary>
    public DynamoAttributeExpression Attribute { get; } = attribute;

    /// <summary>
    ///     The prefix <c>begins_with</c> looks for, or the substring or set element <c>contains</c> looks for.
    /// </summary>
    public DynamoValueExpression Value { get; } = value;

    /// <summary>The function's name in DynamoDB's expression language.</summary>
    public string FunctionName => Function == DynamoFunction.BeginsWith ? "begins_with" : "contains";

    /// <summary>This call with other arguments, or this very node when they are the same.</summary>
    public DynamoFunctionExpression Update(DynamoAttributeExpression attribute, DynamoValueExpression value)
        => attribute == Attribute && value == Value ? this : new DynamoFunctionExpression(Function, attribute, value);

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
        => Update(visitor.VisitAndConvert(Attribute, nameof(VisitChildren)), visitor.VisitAndConvert(Value, nameof(VisitChildren)));

    /// <inheritdoc />
    public override string ToString() => $"{FunctionName}({Attribute}, {Value})";
}

namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary><c>path + value</c> or <c>path - value</c>: the new value of a <c>SET</c> computed from a stored number.</summary>
public sealed class DynamoArithmeticExpression(DynamoPathExpression path, bool isSubtraction, DynamoValueExpression value) : Expression
{
    /// <summary>The stored number the new value is computed from.</summary>
    public DynamoPathExpression Path { get; } = path;

    /// <summary>Whether the value is subtracted from the stored number rather than added to it.</summary>
    public bool IsSubtraction { get; } = isSubtraction;

    /// <summary>The number added or subtracted.</summary>
    public DynamoValueExpression Value { get; } = value;

    /// <inheritdoc />
    public override ExpressionType NodeType => ExpressionType.Extension;

    /// <inheritdoc />
    public override Type Type => typeof(object);

    /// <summary>This sum or difference with other operands, or this very node when they are the same.</summary>
    public DynamoArithmeticExpression Update(DynamoPathExpression path, DynamoValueExpression value)
        => path == Path && value == Value ? this : new DynamoArithmeticExpression(path, IsSubtraction, value);

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
        => Update(visitor.VisitAndConvert(Path, nameof(VisitChildren)), visitor.VisitAndConvert(Value, nameof(VisitChildren)));

    /// <inheritdoc />
    public override string ToString() => $"{Path} {(IsSubtraction ? "-" : "+")} {Value}";
}

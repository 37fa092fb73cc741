namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary><c>if_not_exists(path, value)</c>: the stored value at the path, or the value when the attribute is absent.</summary>
public sealed class DynamoIfNotExistsExpression(DynamoPathExpression path, DynamoValueExpression value) : Expression
{
    /// <summary>The attribute whose stored value is kept when it exists.</summary>
    public DynamoPathExpression Path { get; } = path;

    /// <summary>The value written when the attribute is absent.</summary>
    public DynamoValueExpression Value { get; } = value;

    /// <inheritdoc />
    public override ExpressionType NodeType => ExpressionType.Extension;

    /// <inheritdoc />
    public override Type Type => typeof(object);

    /// <summary>This function with other arguments, or this very node when they are the same.</summary>
    public DynamoIfNotExistsExpression Update(DynamoPathExpression path, DynamoValueExpression value)
        => path == Path && value == Value ? this : new DynamoIfNotExistsExpression(path, value);

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
        => Update(visitor.VisitAndConvert(Path, nameof(VisitChildren)), visitor.VisitAndConvert(Value, nameof(VisitChildren)));

    /// <inheritdoc />
    public override string ToString() => $"if_not_exists({Path}, {Value})";
}

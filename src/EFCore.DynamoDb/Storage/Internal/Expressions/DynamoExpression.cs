namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary>
///     A node of a DynamoDB condition: what a LINQ predicate or a write's conflict rule translates to, before the
///     renderer writes it with placeholders.
/// </summary>
public abstract class DynamoExpression : Expression
{
    /// <inheritdoc />
    public sealed override ExpressionType NodeType => ExpressionType.Extension;

    /// <inheritdoc />
    public override Type Type => typeof(bool);
}

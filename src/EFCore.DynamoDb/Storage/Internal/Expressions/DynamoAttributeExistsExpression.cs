namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary><c>attribute_exists(a)</c> or <c>attribute_not_exists(a)</c>: <c>!= null</c> and <c>== null</c> in LINQ.</summary>
public sealed class DynamoAttributeExistsExpression(DynamoPathExpression attribute, bool exists) : DynamoExpression
{
    /// <summary>The attribute tested.</summary>
    public DynamoPathExpression Attribute { get; } = attribute;

    /// <summary>
    ///     Whether the test is <c>attribute_exists</c> (LINQ's <c>!= null</c>) rather than <c>attribute_not_exists</c>.
    /// </summary>
    public bool Exists { get; } = exists;

    /// <summary>This test on another path, or this very node when it is the same.</summary>
    public DynamoAttributeExistsExpression Update(DynamoPathExpression attribute)
        => attribute == Attribute ? this : new DynamoAttributeExistsExpression(attribute, Exists);

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor) => Update(visitor.VisitAndConvert(Attribute, nameof(VisitChildren)));

    /// <inheritdoc />
    public override string ToString() => $"{(Exists ? "attribute_exists" : "attribute_not_exists")}({Attribute})";
}

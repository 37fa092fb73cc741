namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary><c>attribute_exists(a)</c> or <c>attribute_not_exists(a)</c>: <c>!= null</c> and <c>== null</c> in LINQ.</summary>
public sealed class DynamoAttributeExistsExpression(DynamoAttributeExpression attribute, bool exists) : DynamoExpression
{
    public DynamoAttributeExpression Attribute { get; } = attribute;

    public bool Exists { get; } = exists;

    public override string ToString() => $"{(Exists ? "attribute_exists" : "attribute_not_exists")}({Attribute})";
}

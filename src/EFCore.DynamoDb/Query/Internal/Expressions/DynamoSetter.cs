using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>
///     One <c>SetProperty</c> of <c>ExecuteUpdate</c>: the attribute set, and its new value — a value, another
///     attribute, or an attribute plus or minus a value (<c>SET #w = #w + :v</c>).
/// </summary>
public sealed record DynamoSetter(
    DynamoAttributeExpression Target,
    DynamoAttributeExpression? Source,
    bool Subtract,
    DynamoValueExpression? Operand);

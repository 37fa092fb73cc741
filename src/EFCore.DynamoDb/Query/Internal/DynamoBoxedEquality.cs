using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     C#'s <c>Equals(object)</c> and <c>object.Equals(a, b)</c> box their operands, and a boxed value equals only a
///     value of its own type: <c>intProperty.Equals(5UL)</c> is false whatever the property holds. The provider answers
///     such a comparison as C# does instead of converting the value to the property's type.
/// </summary>
public static class DynamoBoxedEquality
{
    /// <summary>
    ///     Whether <paramref name="equals" /> compares, through <c>Equals(object)</c>, values whose CLR types are known
    ///     and different (a value and its nullable count as one type; an operand typed <c>object</c> is not known).
    /// </summary>
    public static bool ComparesDifferentTypes(MethodCallExpression equals, Expression left, Expression right)
    {
        if (equals.Method.GetParameters() is not [.., { ParameterType: var comparedType }] || comparedType != typeof(object))
        {
            return false;
        }

        var leftType = ValueType(equals.Object == null ? Unbox(left) : left.Type);
        var rightType = ValueType(Unbox(right));
        return leftType != rightType && IsSimple(leftType) && IsSimple(rightType);
    }

    /// <summary>A condition no item meets: the attribute both exists and does not.</summary>
    public static DynamoExpression NeverTrue(DynamoAttributeExpression attribute)
        => new DynamoLogicalExpression(
            new DynamoAttributeExistsExpression(attribute, exists: true),
            true,
            new DynamoAttributeExistsExpression(attribute, exists: false));

    private static Type Unbox(Expression operand)
        => operand is UnaryExpression { NodeType: ExpressionType.Convert, Operand: var boxed } && operand.Type == typeof(object)
            ? boxed.Type
            : operand.Type;

    private static Type ValueType(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    // Numbers, enums, other structs and strings: types that no inheritance relates.
    private static bool IsSimple(Type type) => type.IsValueType || type == typeof(string);
}

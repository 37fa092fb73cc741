using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Finds the attribute an expression reads: <c>x.Prop</c> or <c>EF.Property(x, "Prop")</c>, a property of a
///     complex value at any depth (<c>x.Address.City</c>), or an entry of a string-keyed dictionary under a constant or
///     parameter key (<c>x.Attributes["color"]</c>), conversions aside.
/// </summary>
public static class DynamoAttributePathTranslator
{
    private static readonly MethodInfo EfPropertyMethod = typeof(EF).GetMethod(nameof(EF.Property))!;

    public static DynamoAttributeExpression? Translate(Expression expression)
    {
        expression = UnwrapConvert(expression);
        if (expression is MethodCallExpression { Object: { } dictionary, Method.Name: "get_Item", Arguments: [var key] }
            && UnwrapConvert(key) is (ConstantExpression or QueryParameterExpression) and { Type: var keyType } mapKey
            && keyType == typeof(string)
            && Translate(dictionary) is { DynamoType: DynamoScalarType.Map, ElementMapping: { } valueMapping } map)
        {
            return map.Entry(mapKey, valueMapping);
        }

        return MemberOf(expression) is ({ } instance, { } name)
            && Structural(instance) is var (type, path, displayName)
            && type.FindProperty(name) is { } property
                ? new DynamoAttributeExpression(
                    property,
                    [.. path, Expression.Constant(property.GetAttributeName())],
                    (DynamoTypeMapping)property.GetTypeMapping(),
                    displayName + "." + property.Name)
                : null;
    }

    /// <summary>
    ///     The operand of conversions, of <c>.Value</c> on a nullable value, and of <c>AsQueryable()</c> (which EF Core
    ///     puts on a primitive collection property, <c>x.List.AsQueryable().Contains(v)</c>).
    /// </summary>
    public static Expression UnwrapConvert(Expression expression)
    {
        while (true)
        {
            switch (expression)
            {
                case UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert:
                    expression = convert.Operand;
                    break;
                case MemberExpression { Member.Name: nameof(Nullable<int>.Value), Expression: { } nullable }
                    when Nullable.GetUnderlyingType(nullable.Type) != null:
                    expression = nullable;
                    break;
                case MethodCallExpression { Method.Name: nameof(Queryable.AsQueryable), Arguments: [var source] } call
                    when call.Method.DeclaringType == typeof(Queryable):
                    expression = source;
                    break;
                default:
                    return expression;
            }
        }
    }

    // The entity itself (an empty path), or a single complex value inside it: the path to its map.
    private static (ITypeBase Type, IReadOnlyList<Expression> Path, string DisplayName)? Structural(Expression expression)
    {
        expression = UnwrapConvert(expression);
        if (expression is StructuralTypeShaperExpression { StructuralType: IEntityType entityType })
        {
            return (entityType, [], entityType.DisplayName());
        }

        return MemberOf(expression) is ({ } instance, { } name)
            && Structural(instance) is var (type, path, displayName)
            && type.FindComplexProperty(name) is { IsCollection: false } complexProperty
                ? (complexProperty.ComplexType, [.. path, Expression.Constant(complexProperty.Name)], displayName + "." + complexProperty.Name)
                : null;
    }

    private static (Expression? Instance, string? Name) MemberOf(Expression expression)
        => expression switch
        {
            MemberExpression { Expression: { } instance } member => (instance, member.Member.Name),
            MethodCallExpression call when call.Method.IsGenericMethod
                && call.Method.GetGenericMethodDefinition() == EfPropertyMethod
                && call.Arguments[1] is ConstantExpression { Value: string name } => (call.Arguments[0], name),
            _ => (null, null)
        };
}

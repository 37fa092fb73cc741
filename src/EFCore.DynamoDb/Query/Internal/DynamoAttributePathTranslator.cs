using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Finds the attribute an expression reads: <c>x.Prop</c> or <c>EF.Property(x, "Prop")</c>, a property of a
///     complex value at any depth (<c>x.Address.City</c>), or an entry of a string-keyed dictionary under a constant or
///     parameter key (<c>x.Attributes["color"]</c>), conversions aside. Complex collections are not searched into.
/// </summary>
public static class DynamoAttributePathTranslator
{
    private static readonly MethodInfo EfPropertyMethod = typeof(EF).GetMethod(nameof(EF.Property))!;

    /// <summary>
    ///     The attribute <paramref name="expression" /> reads, or <see langword="null" /> when it reads none.
    /// </summary>
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

        return MemberOf(expression) is ({ } instance, { } name) && Structural(instance)?.FindProperty(name) is { } property
            ? new DynamoAttributeExpression(property)
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

    // The entity, or a single (not collection) complex value inside it at any depth.
    private static ITypeBase? Structural(Expression expression)
    {
        expression = UnwrapConvert(expression);
        if (expression is StructuralTypeShaperExpression { StructuralType: IEntityType entityType })
        {
            return entityType;
        }

        return MemberOf(expression) is ({ } instance, { } name)
            && Structural(instance)?.FindComplexProperty(name) is { IsCollection: false } complexProperty
                ? complexProperty.ComplexType
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

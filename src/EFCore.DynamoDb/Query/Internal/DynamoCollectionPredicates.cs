using System.Collections;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Conditions on a set, list or dictionary attribute (and on the length of a string or binary value):
///     <c>x.Tags.Contains(v)</c> → <c>contains</c>, <c>x.Tags.Any()</c> → present (sets) or non-empty,
///     <c>x.Map.ContainsKey(k)</c> → the entry exists, and <c>Count</c>/<c>Count()</c>/<c>Length</c> → <c>size</c>.
/// </summary>
public static class DynamoCollectionPredicates
{
    private static readonly DynamoTypeMapping IntSize = new(new DynamoNumberCodec<int>());
    private static readonly DynamoTypeMapping LongSize = new(new DynamoNumberCodec<long>());

    /// <summary>
    ///     The attribute whose size an expression reads: <c>Count</c>, <c>Count()</c>, <c>LongCount()</c> or <c>Length</c>
    ///     — with <paramref name="refusal" /> set when it reads a collection a converter stores as a scalar.
    /// </summary>
    public static DynamoAttributeExpression? TranslateSize(Expression expression, out string? refusal)
    {
        refusal = null;
        var operand = DynamoAttributePathTranslator.UnwrapConvert(expression) switch
        {
            MemberExpression { Member.Name: "Count" or "Length", Expression: { } instance } => instance,
            UnaryExpression { NodeType: ExpressionType.ArrayLength } arrayLength => arrayLength.Operand,
            MethodCallExpression { Method.Name: nameof(Enumerable.Count) or nameof(Enumerable.LongCount), Arguments: [var source] } call
                when IsLinq(call) => source,
            _ => null
        };

        if (operand == null || DynamoAttributePathTranslator.Translate(operand) is not { } attribute)
        {
            return null;
        }

        refusal = ConvertedCollectionRefusal(attribute, "Count");

        // A value converter may store something else than the collection or text, whose size would mean nothing.
        return attribute is { Mapping.Converter: null, DynamoType: not (DynamoScalarType.Number or DynamoScalarType.Boolean) } ? attribute : null;
    }

    /// <summary>The size value compared with: an <see cref="int" /> or <see cref="long" /> constant or parameter.</summary>
    public static DynamoValueExpression SizeValue(Expression value, DynamoAttributeExpression attribute)
        => new(value, attribute.Property, value.Type == typeof(long) ? LongSize : IntSize);

    /// <summary>
    ///     <c>Contains</c>, <c>Any()</c> or <c>ContainsKey</c> on an attribute, or <see langword="null" /> when the call is
    ///     none of them — with <paramref name="refusal" /> set when it is one, on a type that does not allow it.
    /// </summary>
    public static DynamoExpression? Translate(MethodCallExpression call, out string? refusal)
    {
        refusal = null;
        var (source, argument) = call switch
        {
            { Object: null, Arguments: [var s] } => (s, null),
            { Object: null, Arguments: [var s, var a] } => (s, a),
            { Object: { } s, Arguments: [var a] } => (s, a),
            _ => (null, null)
        };

        if (source == null || DynamoAttributePathTranslator.Translate(source) is not { } attribute)
        {
            return null;
        }

        if (ConvertedCollectionRefusal(attribute, call.Method.Name) is { } converted)
        {
            refusal = converted;
            return null;
        }

        var value = argument == null ? null : DynamoAttributePathTranslator.UnwrapConvert(argument);
        var isValue = value is ConstantExpression or QueryParameterExpression;
        switch (call.Method.Name)
        {
            case nameof(Enumerable.Contains) when isValue:
                refusal = DynamoFilterRules.Check(attribute, DynamoFilterOperator.Contains);
                return refusal == null && attribute.ElementMapping is { } elementMapping
                    ? new DynamoFunctionExpression(DynamoFunction.Contains, attribute, new DynamoValueExpression(value!, attribute.Property, elementMapping))
                    : null;

            case nameof(Enumerable.Any) when argument == null && IsLinq(call):
                return attribute.DynamoType is DynamoScalarType.StringSet or DynamoScalarType.NumberSet or DynamoScalarType.BinarySet
                    ? new DynamoAttributeExistsExpression(attribute, exists: true)
                    : new DynamoSizeExpression(attribute, DynamoComparisonOperator.GreaterThan, SizeValue(Expression.Constant(0), attribute));

            case "ContainsKey" when isValue && value!.Type == typeof(string)
                && attribute is { DynamoType: DynamoScalarType.Map, ElementMapping: { } valueMapping }:
                return new DynamoAttributeExistsExpression(attribute.Entry(value, valueMapping), exists: true);

            default:
                return null;
        }
    }

    // A collection a value converter stores as one string, number or binary value (a List<string> joined with commas)
    // has no elements DynamoDB can see: contains, size and presence would apply to the stored scalar.
    private static string? ConvertedCollectionRefusal(DynamoAttributeExpression attribute, string operation)
        => attribute.Mapping.Converter != null
            && attribute.Type != typeof(string)
            && typeof(IEnumerable).IsAssignableFrom(attribute.Type)
            && attribute.DynamoType is DynamoScalarType.String or DynamoScalarType.Number or DynamoScalarType.Binary
                ? DynamoStrings.ConvertedCollectionNotSearchable(operation, attribute.DisplayName, attribute.DynamoType.ToAttributeTypeCode())
                : null;

    // Enumerable's operators, or Queryable's on a primitive collection (EF Core makes x.List.Count() a Queryable call).
    private static bool IsLinq(MethodCallExpression call) => call.Method.DeclaringType == typeof(Enumerable) || call.Method.DeclaringType == typeof(Queryable);
}

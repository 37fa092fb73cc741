using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Translates the body of a LINQ predicate over one entity into a <see cref="DynamoExpression" />: comparisons
///     of an attribute (a property, a complex value's property, a dictionary entry) or of its size with a constant or
///     parameter, <c>== null</c> / <c>!= null</c>, boolean properties, string and collection searches, and
///     <c>&amp;&amp;</c>, <c>||</c>, <c>!</c>, as far as Flywheel's allowed filters for the attribute's type permit
///     (<see cref="DynamoFilterRules" />). Anything else is not translatable and yields <see langword="null" />,
///     with the reason in <see cref="TranslationErrorDetails" />, which shows the predicate as the user wrote it: with
///     <paramref name="entity" /> (the shaper the lambda's parameter was replaced with) shown as <paramref name="parameter" />.
/// </summary>
public class DynamoPredicateTranslator(Expression? entity = null, ParameterExpression? parameter = null)
{
    /// <summary>
    ///     Why the last expression that was not translated could not be, for EF Core's "could not be translated"
    ///     message.
    /// </summary>
    public string? TranslationErrorDetails { get; private set; }

    /// <summary>
    ///     The condition <paramref name="expression" /> translates to, or <see langword="null" /> with <see
    ///     cref="TranslationErrorDetails" /> set.
    /// </summary>
    public virtual DynamoExpression? Translate(Expression expression)
    {
        switch (expression)
        {
            case BinaryExpression { NodeType: ExpressionType.AndAlso or ExpressionType.OrElse } logical:
            {
                var left = Translate(logical.Left);
                var right = left == null ? null : Translate(logical.Right);
                return right == null ? null : new DynamoLogicalExpression(left!, logical.NodeType == ExpressionType.AndAlso, right);
            }

            case UnaryExpression { NodeType: ExpressionType.Not } not when not.Type == typeof(bool):
                return Translate(not.Operand) is { } operand ? new DynamoNotExpression(operand) : null;

            // object.Equals(a, b) (how EF's Find compares a composite key), string.Equals(a, b) and a.Equals(b).
            case MethodCallExpression equals when MatchEquals(equals) is var (left, right):
                return DynamoBoxedEquality.ComparesDifferentTypes(equals, left, right)
                    ? TranslateEqualsAcrossTypes(left, right, equals)
                    : TranslateComparison(left, DynamoComparisonOperator.Equal, right, equals);

            // x.Year.HasValue is x.Year != null.
            case MemberExpression { Member.Name: nameof(Nullable<int>.HasValue), Expression: { } nullable }
                when Nullable.GetUnderlyingType(nullable.Type) != null && TranslateAttribute(nullable) is { } optional:
                return new DynamoAttributeExistsExpression(optional, exists: true);

            case MethodCallExpression call:
                return TranslateMethodCall(call) ?? Fail(call);

            case BinaryExpression binary when TryGetOperator(binary.NodeType, out var op):
                return TryUnwrapCompare(binary, ref op, out var compared, out var comparedWith)
                    ? TranslateComparison(compared, op, comparedWith, binary)
                    : TranslateSize(binary.Left, op, binary.Right) ?? TranslateComparison(binary.Left, op, binary.Right, binary);

            default:
                // A boolean property on its own: x.IsActive.
                if (expression.Type == typeof(bool) && TranslateAttribute(expression) is { } flag)
                {
                    return new DynamoComparisonExpression(
                        flag, DynamoComparisonOperator.Equal, new DynamoValueExpression(Expression.Constant(true), flag));
                }

                return Fail(expression);
        }
    }

    private DynamoExpression? TranslateComparison(Expression leftOperand, DynamoComparisonOperator op, Expression rightOperand, Expression binary)
    {
        var (attribute, value, flipped) = TranslateAttribute(leftOperand) is { } left
            ? (left, rightOperand, false)
            : (TranslateAttribute(rightOperand), leftOperand, true);

        if (attribute == null)
        {
            return Fail(binary);
        }

        var operand = EvaluateConstantConstruction(UnwrapConvert(value));
        if (operand is ConstantExpression { Value: null })
        {
            return op switch
            {
                DynamoComparisonOperator.Equal => new DynamoAttributeExistsExpression(attribute, exists: false),
                DynamoComparisonOperator.NotEqual => new DynamoAttributeExistsExpression(attribute, exists: true),
                _ => Fail(binary)
            };
        }

        if (operand is not (ConstantExpression or QueryParameterExpression))
        {
            return Fail(binary);
        }

        op = flipped ? Flip(op) : op;
        return Allows(attribute, DynamoFilterRules.Of(op))
            ? new DynamoComparisonExpression(attribute, op, ComparedValue(operand, attribute, flipped ? rightOperand : leftOperand))
            : null;
    }

    // (string)x.Id == "Id1", with a converter from Id's type to string, compares the stored value: the value is already
    // what the converter produces, and is written by the codec alone.
    private static DynamoValueExpression ComparedValue(Expression value, DynamoAttributeExpression attribute, Expression attributeOperand)
        => attributeOperand is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } cast
            && attribute.Mapping.Converter is { } converter
            && UnderlyingType(cast.Type) == UnderlyingType(converter.ProviderClrType)
            && UnderlyingType(cast.Type) != UnderlyingType(converter.ModelClrType)
                ? new DynamoValueExpression(value, attribute.Property, new DynamoTypeMapping(attribute.Mapping.Codec))
                : new DynamoValueExpression(value, attribute);

    private static Type UnderlyingType(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    /// <summary>
    ///     <c>Equals(object)</c> across CLR types: C# boxes both sides, and a boxed <c>int</c> never equals a boxed
    ///     <c>ulong</c>, so no item matches — unless both may be null, which C# finds equal and is refused.
    /// </summary>
    private DynamoExpression? TranslateEqualsAcrossTypes(Expression left, Expression right, MethodCallExpression equals)
    {
        var (attribute, value) = TranslateAttribute(left) is { } fromLeft ? (fromLeft, right) : (TranslateAttribute(right), left);
        if (attribute == null)
        {
            return Fail(equals);
        }

        var operand = UnwrapConvert(value);
        if (operand is ConstantExpression { Value: null })
        {
            return TranslateComparison(left, DynamoComparisonOperator.Equal, right, equals);
        }

        if (attribute.Property.IsNullable && operand is not ConstantExpression && (!operand.Type.IsValueType || Nullable.GetUnderlyingType(operand.Type) != null))
        {
            TranslationErrorDetails ??= DynamoStrings.EqualsAcrossTypesWithNull(
                Display(equals), attribute.Property.ClrType.ShortDisplayName(), operand.Type.ShortDisplayName());
            return null;
        }

        return DynamoBoxedEquality.NeverTrue(attribute);
    }

    // x.Tags.Count op n, n op x.Name.Length …
    private DynamoSizeExpression? TranslateSize(Expression left, DynamoComparisonOperator op, Expression right)
    {
        var leftSize = DynamoCollectionPredicates.TranslateSize(left, out var leftRefusal);
        var rightSize = DynamoCollectionPredicates.TranslateSize(right, out var rightRefusal);
        TranslationErrorDetails ??= leftRefusal ?? rightRefusal;
        var (attribute, value, flipped) = leftSize != null ? (leftSize, right, false) : (rightSize, left, true);
        value = UnwrapConvert(value);
        return attribute != null && value is ConstantExpression { Value: not null } or QueryParameterExpression
            ? new DynamoSizeExpression(attribute, flipped ? Flip(op) : op, DynamoCollectionPredicates.SizeValue(value, attribute))
            : null;
    }

    /// <summary>
    ///     <c>s.StartsWith(v)</c> → <c>begins_with</c>; <c>s.Contains(v)</c> → <c>contains</c>; a local collection's
    ///     <c>Contains(x.Prop)</c> → <c>IN</c>. Culture-aware overloads are not translated: DynamoDB compares bytes.
    /// </summary>
    private DynamoExpression? TranslateMethodCall(MethodCallExpression call)
    {
        var method = call.Method;
        if (method.DeclaringType == typeof(string)
            && method.Name is nameof(string.StartsWith) or nameof(string.Contains)
            && call.Object != null
            && TranslateAttribute(call.Object) is { } text
            && call.Arguments is [_] or [_, ConstantExpression { Value: StringComparison.Ordinal }]
            && UnwrapConvert(call.Arguments[0]) is var value and (ConstantExpression or QueryParameterExpression))
        {
            var function = method.Name == nameof(string.StartsWith) ? DynamoFunction.BeginsWith : DynamoFunction.Contains;
            return Allows(text, function == DynamoFunction.BeginsWith ? DynamoFilterOperator.BeginsWith : DynamoFilterOperator.Contains)
                ? new DynamoFunctionExpression(function, text, new DynamoValueExpression(value, text))
                : null;
        }

        var (collection, item) = method switch
        {
            { Name: nameof(Enumerable.Contains), IsStatic: true } when call.Arguments.Count == 2 => (call.Arguments[0], call.Arguments[1]),
            { Name: nameof(Enumerable.Contains), IsStatic: false } when call.Arguments.Count == 1 && call.Object != null
                => (call.Object, call.Arguments[0]),
            _ => (null, null)
        };

        if (collection is ConstantExpression or QueryParameterExpression && TranslateAttribute(item!) is { } attribute)
        {
            return Allows(attribute, DynamoFilterOperator.In) ? new DynamoInExpression(attribute, collection) : null;
        }

        var translated = DynamoCollectionPredicates.Translate(call, out var refusal);
        TranslationErrorDetails ??= refusal;
        return translated;
    }

    // string.Equals(a, b) and a.Equals(b) may name the ordinal comparison DynamoDB performs anyway.
    private static (Expression Left, Expression Right)? MatchEquals(MethodCallExpression call)
        => call switch
        {
            { Method.Name: nameof(object.Equals), Object: null, Arguments: [var left, var right] }
                when call.Method.DeclaringType == typeof(object) || call.Method.DeclaringType == typeof(string) => (left, right),
            { Method.Name: nameof(object.Equals), Object: null, Arguments: [var left, var right, ConstantExpression { Value: StringComparison.Ordinal }] }
                when call.Method.DeclaringType == typeof(string) => (left, right),
            { Method.Name: nameof(object.Equals), Object: { } instance, Arguments: [var other] } when call.Method.ReturnType == typeof(bool)
                => (instance, other),
            { Method.Name: nameof(object.Equals), Object: { } instance, Arguments: [var other, ConstantExpression { Value: StringComparison.Ordinal }] }
                when call.Method.DeclaringType == typeof(string) => (instance, other),
            _ => null
        };

    /// <summary>
    ///     C# orders strings with <c>string.Compare(a, b) op 0</c>, <c>string.CompareOrdinal(a, b) op 0</c> or
    ///     <c>a.CompareTo(b) op 0</c> (any comparable type); each means <c>a op b</c>
    ///     (and <c>0 op Compare(a, b)</c> means <c>b op a</c>).
    /// </summary>
    private static bool TryUnwrapCompare(BinaryExpression binary, ref DynamoComparisonOperator op, out Expression left, out Expression right)
    {
        var (call, zeroOnRight) = binary.Right is ConstantExpression { Value: 0 }
            ? (binary.Left as MethodCallExpression, true)
            : binary.Left is ConstantExpression { Value: 0 } ? (binary.Right as MethodCallExpression, false) : (null, false);

        // DynamoDB orders strings by their UTF-8 bytes: ordinal comparisons, or the default one, as EF Core's other providers do.
        var isString = call?.Method.DeclaringType == typeof(string);
        (left, right) = call switch
        {
            { Method.Name: nameof(string.Compare) or nameof(string.CompareOrdinal), Object: null, Arguments.Count: 2 } when isString
                => (call.Arguments[0], call.Arguments[1]),
            { Method.Name: nameof(string.Compare), Object: null, Arguments: [_, _, ConstantExpression { Value: StringComparison.Ordinal }] }
                when isString => (call.Arguments[0], call.Arguments[1]),
            { Method.Name: nameof(string.CompareTo), Object: { } instance, Arguments: [var other] } => (instance, other),
            _ => (null!, null!)
        };

        if (left == null)
        {
            return false;
        }

        if (!zeroOnRight)
        {
            op = Flip(op);
        }

        return true;
    }

    /// <summary>The attribute an expression reads (see <see cref="DynamoAttributePathTranslator" />).</summary>
    public static DynamoAttributeExpression? TranslateAttribute(Expression expression) => DynamoAttributePathTranslator.Translate(expression);

    // EF Core leaves a construction from constants, such as new DateTime(1998, 1, 1), in the tree for providers that
    // translate it; DynamoDB compares with its value.
    private static Expression EvaluateConstantConstruction(Expression expression)
        => expression is NewExpression { Arguments: var arguments } construction
            && arguments.All(a => UnwrapConvert(a) is ConstantExpression)
                ? Expression.Constant(Expression.Lambda<Func<object>>(Expression.Convert(construction, typeof(object))).Compile().Invoke(), construction.Type)
                : expression;

    private static Expression UnwrapConvert(Expression expression) => DynamoAttributePathTranslator.UnwrapConvert(expression);

    private static bool TryGetOperator(ExpressionType nodeType, out DynamoComparisonOperator op)
    {
        op = nodeType switch
        {
            ExpressionType.Equal => DynamoComparisonOperator.Equal,
            ExpressionType.NotEqual => DynamoComparisonOperator.NotEqual,
            ExpressionType.LessThan => DynamoComparisonOperator.LessThan,
            ExpressionType.LessThanOrEqual => DynamoComparisonOperator.LessThanOrEqual,
            ExpressionType.GreaterThan => DynamoComparisonOperator.GreaterThan,
            ExpressionType.GreaterThanOrEqual => DynamoComparisonOperator.GreaterThanOrEqual,
            _ => (DynamoComparisonOperator)(-1)
        };
        return op >= 0;
    }

    private static DynamoComparisonOperator Flip(DynamoComparisonOperator op)
        => op switch
        {
            DynamoComparisonOperator.LessThan => DynamoComparisonOperator.GreaterThan,
            DynamoComparisonOperator.LessThanOrEqual => DynamoComparisonOperator.GreaterThanOrEqual,
            DynamoComparisonOperator.GreaterThan => DynamoComparisonOperator.LessThan,
            DynamoComparisonOperator.GreaterThanOrEqual => DynamoComparisonOperator.LessThanOrEqual,
            _ => op
        };

    // Flywheel's allowed filters: an operation the attribute's type does not allow fails, naming both.
    private bool Allows(DynamoAttributeExpression attribute, DynamoFilterOperator op)
    {
        var refusal = DynamoFilterRules.Check(attribute, op);
        TranslationErrorDetails ??= refusal;
        return refusal == null;
    }

    // What DynamoDB lacks, when that is known: a subquery, or a string operation it has no function for.
    private DynamoExpression? Fail(Expression expression)
    {
        TranslationErrorDetails ??= DynamoUnsupportedNodeFinder.Find(expression) is { } subquery
            ? DynamoStrings.SubqueryNotSupported(Display(subquery))
            : DynamoStringOperations.FindUnsupported(expression) is { } operation
                ? DynamoStrings.StringOperationNotSupported(Display(expression), operation)
                : DynamoStrings.PredicateNotTranslatable(Display(expression));
        return null;
    }

    private string Display(Expression expression) => DynamoExpressionDisplay.Print(expression, entity, parameter);
}

using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Compiles a condition into a test of a returned item, with DynamoDB's semantics. Parameter values and paths are
///     evaluated once, when first needed (a condition that never meets an item never evaluates them), not once per item.
/// </summary>
public sealed class DynamoItemPredicateCompiler : DynamoExpressionVisitor
{
    private readonly IReadOnlyDictionary<string, object?> _parameters;
    private Func<Dictionary<string, AttributeValue>, bool>? _compiled;

    private DynamoItemPredicateCompiler(IReadOnlyDictionary<string, object?> parameters) => _parameters = parameters;

    /// <summary>
    ///     The test of an item that <paramref name="condition" /> makes, its parameters taken from <paramref
    ///     name="parameters" />.
    /// </summary>
    public static Func<Dictionary<string, AttributeValue>, bool> Compile(DynamoExpression condition, IReadOnlyDictionary<string, object?> parameters)
        => new DynamoItemPredicateCompiler(parameters).CompileNode(condition);

    /// <inheritdoc />
    public override Expression? Visit(Expression? node)
        => node is DynamoExpression
            ? base.Visit(node)
            : throw new InvalidOperationException(CoreStrings.TranslationFailed(node?.ToString()));

    /// <inheritdoc />
    protected override Expression VisitLogical(DynamoLogicalExpression node)
    {
        var left = CompileNode(node.Left);
        var right = CompileNode(node.Right);
        return Compiled(node, node.IsAnd ? item => left(item) && right(item) : item => left(item) || right(item));
    }

    /// <inheritdoc />
    protected override Expression VisitConjunction(DynamoConjunctionExpression node)
    {
        var operands = node.Operands.Select(CompileNode).ToList();
        return Compiled(node, item => operands.TrueForAll(operand => operand(item)));
    }

    /// <inheritdoc />
    protected override Expression VisitKeyCondition(DynamoKeyConditionExpression node)
    {
        var conditions = node.PartitionKey.Concat(node.SortKey).Select(CompileNode).ToList();
        return Compiled(node, item => conditions.TrueForAll(condition => condition(item)));
    }

    /// <inheritdoc />
    protected override Expression VisitNot(DynamoNotExpression node)
    {
        var operand = CompileNode(node.Operand);
        return Compiled(node, item => !operand(item));
    }

    /// <inheritdoc />
    protected override Expression VisitAttributeExists(DynamoAttributeExistsExpression node)
    {
        var read = Reader(node.Attribute);
        return Compiled(node, item => (read(item) != null) == node.Exists);
    }

    /// <inheritdoc />
    protected override Expression VisitComparison(DynamoComparisonExpression node)
    {
        var read = Reader(node.Attribute);
        var value = Evaluator(node.Value);
        return Compiled(
            node,
            item => value() is { } compared
                ? Holds(node.Operator, read(item) is { } stored ? DynamoAttributeValueComparer.Compare(stored, compared) : null)

                // As C# compares with null: == null holds for an absent attribute, != null for a present one.
                : (read(item) != null) == (node.Operator != DynamoComparisonOperator.Equal));
    }

    /// <inheritdoc />
    protected override Expression VisitBetween(DynamoBetweenExpression node)
    {
        var read = Reader(node.Attribute);
        var low = Evaluator(node.Low);
        var high = Evaluator(node.High);
        return Compiled(
            node,
            item => read(item) is { } stored
                && low() is { } lower && DynamoAttributeValueComparer.Compare(stored, lower) >= 0
                && high() is { } upper && DynamoAttributeValueComparer.Compare(stored, upper) <= 0);
    }

    /// <inheritdoc />
    protected override Expression VisitFunction(DynamoFunctionExpression node)
    {
        var read = Reader(node.Attribute);
        var value = Evaluator(node.Value);
        return Compiled(
            node,
            item => read(item) is { } stored && value() is { } searched && (node.Function == DynamoFunction.BeginsWith
                ? stored.S != null && searched.S != null && stored.S.StartsWith(searched.S, StringComparison.Ordinal)
                : stored.S != null ? searched.S != null && stored.S.Contains(searched.S, StringComparison.Ordinal)
                : DynamoDocumentValues.Elements(stored).Any(e => DynamoAttributeValueComparer.Compare(e, searched) == 0)));
    }

    /// <inheritdoc />
    protected override Expression VisitSize(DynamoSizeExpression node)
    {
        var read = Reader(node.Attribute);
        var value = Evaluator(node.Value);
        return Compiled(
            node,
            item => Holds(
                node.Operator,
                read(item) is { } stored && DynamoDocumentValues.Size(stored) is { } length && value() is { } compared
                    ? DynamoAttributeValueComparer.Compare(new AttributeValue { N = length.ToString(CultureInfo.InvariantCulture) }, compared)
                    : null));
    }

    /// <inheritdoc />
    protected override Expression VisitIn(DynamoInExpression node)
    {
        var read = Reader(node.Attribute);
        var evaluated = new Lazy<(DynamoInValues Values, bool HasNull)>(
            () =>
            {
                var (values, hasNull) = node.Evaluate(_parameters);
                return (new DynamoInValues(values), hasNull);
            },
            LazyThreadSafetyMode.None);
        return Compiled(node, item => read(item) is { } stored ? evaluated.Value.Values.Contains(stored) : evaluated.Value.HasNull);
    }

    // An absent operand (a null order) satisfies no comparison but <>, as in DynamoDB.
    private static bool Holds(DynamoComparisonOperator op, int? order)
        => op switch
        {
            DynamoComparisonOperator.Equal => order == 0,
            DynamoComparisonOperator.NotEqual => order != 0,
            DynamoComparisonOperator.LessThan => order < 0,
            DynamoComparisonOperator.LessThanOrEqual => order <= 0,
            DynamoComparisonOperator.GreaterThan => order > 0,
            _ => order >= 0
        };

    private Func<Dictionary<string, AttributeValue>, bool> CompileNode(DynamoExpression node)
    {
        Visit(node);
        return _compiled!;
    }

    private DynamoExpression Compiled(DynamoExpression node, Func<Dictionary<string, AttributeValue>, bool> test)
    {
        _compiled = test;
        return node;
    }

    private Func<AttributeValue?> Evaluator(DynamoValueExpression value)
    {
        var evaluated = new Lazy<AttributeValue?>(() => value.Evaluate(_parameters), LazyThreadSafetyMode.None);
        return () => evaluated.Value;
    }

    // The value at the path: nested names go down through maps.
    private Func<Dictionary<string, AttributeValue>, AttributeValue?> Reader(DynamoPathExpression path)
    {
        var names = new Lazy<string[]>(() => [.. path.ResolvePath(_parameters)], LazyThreadSafetyMode.None);
        return item =>
        {
            Dictionary<string, AttributeValue>? map = item;
            AttributeValue? value = null;
            foreach (var name in names.Value)
            {
                if (map == null || !map.TryGetValue(name, out value))
                {
                    return null;
                }

                map = value.M;
            }

            return value;
        };
    }
}

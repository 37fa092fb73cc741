using System.Text;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary>
///     Writes a condition as PartiQL, for a <c>Where</c> composed onto a <c>FromPartiQL</c> statement: attribute names
///     double-quoted, values as <c>?</c> parameters appended to <see cref="Parameters" /> in the order they are written,
///     <c>attribute_exists</c> and a comparison with null as <c>IS [NOT] MISSING</c>, <c>IN</c> with a bracketed list.
///     Only top-level attributes are written (<see cref="CanRender" />); a value never enters the text.
/// </summary>
public sealed class DynamoPartiQLConditionRenderer(IReadOnlyDictionary<string, object?> parameters)
{
    private IReadOnlyDictionary<string, object?> QueryParameters { get; } = parameters;

    /// <summary>The values of the <c>?</c> written so far, in order.</summary>
    public List<AttributeValue> Parameters { get; } = [];

    /// <summary>Whether every attribute <paramref name="condition" /> reads is a top-level one, which PartiQL names as DynamoDB stores it.</summary>
    public static bool CanRender(DynamoExpression condition)
        => DynamoAttributeFinder.FindIn(condition).All(attribute => !attribute.IsNested && !attribute.AttributeName.Contains('"', StringComparison.Ordinal));

    /// <summary>The PartiQL text of <paramref name="condition" />.</summary>
    public string Render(DynamoExpression condition)
    {
        var writer = new Writer(this);
        writer.Visit(condition);
        return writer.Text;
    }

    private string Parameter(AttributeValue value)
    {
        Parameters.Add(value);
        return "?";
    }

    private string NonNull(DynamoValueExpression value, DynamoAttributeExpression attribute)
        => Parameter(
            value.Evaluate(QueryParameters)
            ?? throw new InvalidOperationException(DynamoStrings.NullComparison(attribute.Property.DeclaringType.DisplayName(), attribute.Property.Name)));

    private static string Name(DynamoPathExpression path) => "\"" + path.AttributeName + "\"";

    private sealed class Writer(DynamoPartiQLConditionRenderer renderer) : DynamoExpressionVisitor
    {
        private readonly StringBuilder _builder = new();

        public string Text => _builder.ToString();

        public override Expression? Visit(Expression? node)
            => node is null or DynamoExpression ? base.Visit(node) : throw new InvalidOperationException(CoreStrings.TranslationFailed(node.ToString()));

        protected override Expression VisitLogical(DynamoLogicalExpression node)
        {
            _builder.Append('(');
            Visit(node.Left);
            _builder.Append(node.IsAnd ? " AND " : " OR ");
            Visit(node.Right);
            _builder.Append(')');
            return node;
        }

        protected override Expression VisitConjunction(DynamoConjunctionExpression node)
        {
            for (var i = 0; i < node.Operands.Count; i++)
            {
                _builder.Append(i == 0 ? "(" : " AND ");
                Visit(node.Operands[i]);
            }

            _builder.Append(')');
            return node;
        }

        protected override Expression VisitNot(DynamoNotExpression node)
        {
            _builder.Append("NOT (");
            Visit(node.Operand);
            _builder.Append(')');
            return node;
        }

        protected override Expression VisitAttributeExists(DynamoAttributeExistsExpression node)
            => Append(node, Name(node.Attribute) + (node.Exists ? " IS NOT MISSING" : " IS MISSING"));

        // A value that is null at run time compares as C# does: == null ⇔ the attribute is absent.
        protected override Expression VisitComparison(DynamoComparisonExpression node)
            => node.Value.Evaluate(renderer.QueryParameters) is { } value
                ? Append(node, Name(node.Attribute) + " " + DynamoExpressionRenderer.Symbol(node.Operator) + " " + renderer.Parameter(value))
                : Append(
                    node,
                    node.Operator switch
                    {
                        DynamoComparisonOperator.Equal => Name(node.Attribute) + " IS MISSING",
                        DynamoComparisonOperator.NotEqual => Name(node.Attribute) + " IS NOT MISSING",
                        _ => throw new InvalidOperationException(
                            DynamoStrings.NullComparison(node.Attribute.Property.DeclaringType.DisplayName(), node.Attribute.Property.Name))
                    });

        protected override Expression VisitBetween(DynamoBetweenExpression node)
            => Append(
                node,
                Name(node.Attribute) + " BETWEEN " + renderer.NonNull(node.Low, node.Attribute) + " AND " + renderer.NonNull(node.High, node.Attribute));

        protected override Expression VisitFunction(DynamoFunctionExpression node)
            => Append(node, node.FunctionName + "(" + Name(node.Attribute) + ", " + renderer.NonNull(node.Value, node.Attribute) + ")");

        protected override Expression VisitSize(DynamoSizeExpression node)
            => Append(
                node,
                "size(" + Name(node.Attribute) + ") " + DynamoExpressionRenderer.Symbol(node.Operator) + " " + renderer.NonNull(node.Value, node.Attribute));

        // A null among the values matches the absent attribute; no value matches nothing.
        protected override Expression VisitIn(DynamoInExpression node)
        {
            var name = Name(node.Attribute);
            var (values, hasNull) = node.Evaluate(renderer.QueryParameters);
            var terms = new List<string>();
            if (values.Count > 0)
            {
                terms.Add(name + " IN [" + string.Join(", ", values.Select(renderer.Parameter)) + "]");
            }

            if (hasNull)
            {
                terms.Add(name + " IS MISSING");
            }

            return Append(node, terms.Count == 0 ? "(" + name + " IS MISSING AND " + name + " IS NOT MISSING)" : "(" + string.Join(" OR ", terms) + ")");
        }

        private Expression Append(Expression node, string text)
        {
            _builder.Append(text);
            return node;
        }
    }
}

using System.Text;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary>
///     Writes DynamoDB expression nodes — conditions, key conditions, projections and updates — as the text of one
///     request, given the parameter values of this execution. Attribute names and values become placeholders of
///     <see cref="Placeholders" />, handed out in the order the nodes are written, so no value ever appears in the text.
/// </summary>
public sealed class DynamoExpressionRenderer(DynamoExpressionPlaceholders placeholders, IReadOnlyDictionary<string, object?> parameters)
{
    // DynamoDB accepts at most 100 operands in one IN.
    private const int MaxInOperands = 100;

    // The clauses of an update expression, in the order they are written.
    private static readonly string[] UpdateClauses = ["SET", "REMOVE", "ADD", "DELETE"];

    /// <summary>A renderer of nodes holding constants only, such as a write's.</summary>
    public DynamoExpressionRenderer(DynamoExpressionPlaceholders placeholders)
        : this(placeholders, System.Collections.ObjectModel.ReadOnlyDictionary<string, object?>.Empty)
    {
    }

    /// <summary>The placeholders of the request: its <c>ExpressionAttributeNames</c> and <c>ExpressionAttributeValues</c>.</summary>
    public DynamoExpressionPlaceholders Placeholders { get; } = placeholders;

    private IReadOnlyDictionary<string, object?> Parameters { get; } = parameters;

    /// <summary>The text of <paramref name="node" />, any node that stands for a whole expression of a request.</summary>
    public string Render(Expression node)
    {
        var writer = new Writer(this);
        writer.Visit(node);
        return writer.Text;
    }

    /// <summary>The value of a key, which may not be null.</summary>
    public AttributeValue EvaluateKey(DynamoValueExpression value)
        => value.Evaluate(Parameters)

            // A key value is always a property's, never a stored one.
            ?? throw new InvalidOperationException(DynamoStrings.KeyValueMissing(value.Property!.DeclaringType.DisplayName(), value.Property.Name));

    private string Name(DynamoPathExpression path) => string.Join('.', path.ResolvePath(Parameters).Select(Placeholders.Name));

    // A value searched for, or a size, that is null at run time has no DynamoDB meaning.
    private string NonNullValue(DynamoValueExpression value, DynamoAttributeExpression attribute)
        => Placeholders.Value(
            value.Evaluate(Parameters)
            ?? throw new InvalidOperationException(DynamoStrings.NullComparison(attribute.Property.DeclaringType.DisplayName(), attribute.Property.Name)));

    // A null value is written with REMOVE, so one that reaches a SET, ADD or DELETE is a mistake of the caller.
    private string WrittenValue(DynamoValueExpression value, DynamoPathExpression target)
        => Placeholders.Value(value.Evaluate(Parameters) ?? throw new InvalidOperationException(DynamoStrings.UpdateValueMissing(target.DisplayName)));

    private string KeyValue(DynamoValueExpression value) => Placeholders.Value(EvaluateKey(value));

    /// <summary>The operator as DynamoDB writes it, in its expressions and in PartiQL alike.</summary>
    public static string Symbol(DynamoComparisonOperator op)
        => op switch
        {
            DynamoComparisonOperator.Equal => "=",
            DynamoComparisonOperator.NotEqual => "<>",
            DynamoComparisonOperator.LessThan => "<",
            DynamoComparisonOperator.LessThanOrEqual => "<=",
            DynamoComparisonOperator.GreaterThan => ">",
            _ => ">="
        };

    // Appends the text of each node it visits; placeholders are taken in the order the text is written.
    private sealed class Writer(DynamoExpressionRenderer renderer) : DynamoExpressionVisitor
    {
        private StringBuilder _builder = new();

        public string Text => _builder.ToString();

        public override Expression? Visit(Expression? node)
            => node is null or DynamoExpression or DynamoPathExpression or DynamoValueExpression or DynamoProjectionExpression
                or DynamoUpdateExpression or DynamoUpdateAction or DynamoArithmeticExpression or DynamoIfNotExistsExpression
                ? base.Visit(node)
                : throw new InvalidOperationException(CoreStrings.TranslationFailed(node.ToString()));

        protected override Expression VisitPath(DynamoPathExpression node) => Append(node, renderer.Name(node));

        protected override Expression VisitAttribute(DynamoAttributeExpression node) => VisitPath(node);

        protected override Expression VisitValue(DynamoValueExpression node) => throw new InvalidOperationException(CoreStrings.TranslationFailed(node.ToString()));

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
                _builder.Append(i == 0 ? "" : " AND ");
                Visit(node.Operands[i]);
            }

            return node;
        }

        protected override Expression VisitNot(DynamoNotExpression node)
        {
            // DynamoDB refuses redundant parentheses: an operand already written in parentheses (a logical expression,
            // several INs) gets none of its own.
            var operand = TextOf(node.Operand);
            var parenthesized = operand.Length > 0 && operand[0] == '(';
            _builder.Append(parenthesized ? "NOT " : "NOT (").Append(operand).Append(parenthesized ? "" : ")");
            return node;
        }

        protected override Expression VisitAttributeExists(DynamoAttributeExistsExpression node)
            => Append(node, (node.Exists ? "attribute_exists(" : "attribute_not_exists(") + renderer.Name(node.Attribute) + ")");

        protected override Expression VisitComparison(DynamoComparisonExpression node)
        {
            var name = renderer.Name(node.Attribute);
            if (node.Value.Evaluate(renderer.Parameters) is not { } value)
            {
                // A parameter that is null at run time compares as C# does: == null ⇔ the attribute is absent.
                return Append(
                    node,
                    node.Operator switch
                    {
                        DynamoComparisonOperator.Equal => "attribute_not_exists(" + name + ")",
                        DynamoComparisonOperator.NotEqual => "attribute_exists(" + name + ")",
                        _ => throw new InvalidOperationException(
                            DynamoStrings.NullComparison(node.Attribute.Property.DeclaringType.DisplayName(), node.Attribute.Property.Name))
                    });
            }

            return Append(node, name + " " + Symbol(node.Operator) + " " + renderer.Placeholders.Value(value));
        }

        protected override Expression VisitBetween(DynamoBetweenExpression node)
            => Append(
                node,
                renderer.Name(node.Attribute) + " BETWEEN " + renderer.NonNullValue(node.Low, node.Attribute) + " AND "
                + renderer.NonNullValue(node.High, node.Attribute));

        protected override Expression VisitFunction(DynamoFunctionExpression node)
            => Append(node, node.FunctionName + "(" + renderer.Name(node.Attribute) + ", " + renderer.NonNullValue(node.Value, node.Attribute) + ")");

        protected override Expression VisitSize(DynamoSizeExpression node)
            => Append(
                node,
                "size(" + renderer.Name(node.Attribute) + ") " + Symbol(node.Operator) + " " + renderer.NonNullValue(node.Value, node.Attribute));

        // Values beyond 100 go to further INs joined with OR; a null matches the absent attribute; no value matches nothing.
        protected override Expression VisitIn(DynamoInExpression node)
        {
            var name = renderer.Name(node.Attribute);
            var (values, hasNull) = node.Evaluate(renderer.Parameters);
            var terms = values.Chunk(MaxInOperands)
                .Select(chunk => name + " IN (" + string.Join(", ", chunk.Select(renderer.Placeholders.Value)) + ")")
                .ToList();
            if (hasNull)
            {
                terms.Add("attribute_not_exists(" + name + ")");
            }

            if (terms.Count == 0)
            {
                terms.Add("(attribute_exists(" + name + ") AND attribute_not_exists(" + name + "))");
            }

            return Append(node, terms.Count == 1 ? terms[0] : "(" + string.Join(" OR ", terms) + ")");
        }

        // The partition attributes' equalities, then the sort attributes' conditions, with values that may not be null.
        protected override Expression VisitKeyCondition(DynamoKeyConditionExpression node)
        {
            var separator = "";
            foreach (var condition in node.PartitionKey.Concat(node.SortKey))
            {
                _builder.Append(separator);
                separator = " AND ";
                switch (condition)
                {
                    case DynamoComparisonExpression comparison:
                        _builder.Append(renderer.Name(comparison.Attribute)).Append(' ').Append(Symbol(comparison.Operator))
                            .Append(' ').Append(renderer.KeyValue(comparison.Value));
                        break;
                    case DynamoBetweenExpression between:
                        _builder.Append(renderer.Name(between.Attribute)).Append(" BETWEEN ").Append(renderer.KeyValue(between.Low))
                            .Append(" AND ").Append(renderer.KeyValue(between.High));
                        break;
                    case DynamoFunctionExpression function:
                        _builder.Append(function.FunctionName).Append('(').Append(renderer.Name(function.Attribute)).Append(", ")
                            .Append(renderer.KeyValue(function.Value)).Append(')');
                        break;
                    default:
                        throw new InvalidOperationException(CoreStrings.TranslationFailed(condition.ToString()));
                }
            }

            return node;
        }

        protected override Expression VisitProjection(DynamoProjectionExpression node)
            => Append(node, string.Join(", ", node.Paths.Select(TextOf).Distinct(StringComparer.Ordinal)));

        // Each action is written in turn, so placeholders follow the order of the actions; the text groups them by clause.
        protected override Expression VisitUpdate(DynamoUpdateExpression node)
        {
            var clauses = UpdateClauses.ToDictionary(clause => clause, _ => new List<string>());
            foreach (var action in node.Actions)
            {
                var text = TextOf(action);
                var separator = text.IndexOf(' ', StringComparison.Ordinal);
                clauses[text[..separator]].Add(text[(separator + 1)..]);
            }

            return Append(
                node,
                string.Join(" ", clauses.Where(clause => clause.Value.Count > 0).Select(clause => clause.Key + " " + string.Join(", ", clause.Value))));
        }

        protected override Expression VisitSetAction(DynamoSetAction node)
        {
            _builder.Append("SET ").Append(renderer.Name(node.Target)).Append(" = ");
            if (node.Value is DynamoValueExpression value)
            {
                _builder.Append(renderer.WrittenValue(value, node.Target));
            }
            else
            {
                Visit(node.Value);
            }

            return node;
        }

        protected override Expression VisitRemoveAction(DynamoRemoveAction node) => Append(node, "REMOVE " + renderer.Name(node.Target));

        protected override Expression VisitAddAction(DynamoAddAction node)
            => Append(node, "ADD " + renderer.Name(node.Target) + " " + renderer.WrittenValue(node.Value, node.Target));

        protected override Expression VisitDeleteAction(DynamoDeleteAction node)
            => Append(node, "DELETE " + renderer.Name(node.Target) + " " + renderer.WrittenValue(node.Value, node.Target));

        protected override Expression VisitArithmetic(DynamoArithmeticExpression node)
            => Append(
                node,
                renderer.Name(node.Path) + (node.IsSubtraction ? " - " : " + ") + renderer.WrittenValue(node.Value, node.Path));

        protected override Expression VisitIfNotExists(DynamoIfNotExistsExpression node)
            => Append(node, "if_not_exists(" + renderer.Name(node.Path) + ", " + renderer.WrittenValue(node.Value, node.Path) + ")");

        private Expression Append(Expression node, string text)
        {
            _builder.Append(text);
            return node;
        }

        // The text of a node on its own, taking its placeholders in turn.
        private string TextOf(Expression node)
        {
            var outer = _builder;
            _builder = new StringBuilder();
            Visit(node);
            var text = _builder.ToString();
            _builder = outer;
            return text;
        }
    }
}

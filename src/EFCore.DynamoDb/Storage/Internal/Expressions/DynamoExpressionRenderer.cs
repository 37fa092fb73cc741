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
    // The clauses of an update expression, in the order they are written.
    private static readonly string[] UpdateClauses = ["SET", "REMOVE", "ADD", "DELETE"];

    // In recording mode: the values left unbound, in the order of their placeholders.
    private readonly DynamoValueRecording? _recording;

    /// <summary>A renderer of nodes holding constants only, such as a write's.</summary>
    public DynamoExpressionRenderer(DynamoExpressionPlaceholders placeholders)
        : this(placeholders, System.Collections.ObjectModel.ReadOnlyDictionary<string, object?>.Empty)
    {
    }

    /// <summary>
    ///     A renderer in recording mode, for a text rendered once and reused by other executions: each value it writes —
    ///     of a key condition, an update or a condition — gets a reserved placeholder and is added to <paramref
    ///     name="recording" />, in the order of the placeholders, for each execution to bind its own. What only these
    ///     <paramref name="parameters" /> decide in the text (a name read from a parameter, a comparison with a parameter,
    ///     an <c>IN</c>'s values) pins the recording to this execution.
    /// </summary>
    public DynamoExpressionRenderer(
        DynamoExpressionPlaceholders placeholders,
        IReadOnlyDictionary<string, object?> parameters,
        DynamoValueRecording recording)
        : this(placeholders, parameters)
        => _recording = recording;

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
    public AttributeValue EvaluateKey(DynamoValueExpression value) => EvaluateKey(value, Parameters);

    /// <summary>The value of a key given an execution's parameter values; it may not be null.</summary>
    public static AttributeValue EvaluateKey(DynamoValueExpression value, IReadOnlyDictionary<string, object?> parameters)
        => value.Evaluate(parameters) ?? throw new InvalidOperationException(KeyValueMissing(value));

    // A key value is always a property's, never a stored one.
    private static string KeyValueMissing(DynamoValueExpression value)
        => DynamoStrings.KeyValueMissing(value.Property!.DeclaringType.DisplayName(), value.Property.Name);

    // Most paths are one attribute: its placeholder is returned without joining.
    private string Name(DynamoPathExpression path)
    {
        if (_recording != null && !path.IsConstant)
        {
            _recording.PinToThisExecution();
        }

        return path.Path is [var attribute]
            ? Placeholders.Name(path.ResolveSegment(attribute, Parameters))
            : string.Join('.', path.ResolvePath(Parameters).Select(Placeholders.Name));
    }

    // A null value is written with REMOVE, so one that reaches a SET, ADD or DELETE is a mistake of the caller.
    private string WrittenValue(DynamoValueExpression value, DynamoPathExpression target)
        => _recording == null
            ? Placeholders.Value(value.Evaluate(Parameters) ?? throw new InvalidOperationException(UpdateValueMissing(target)))
            : Record(value, target, static target => UpdateValueMissing((DynamoPathExpression)target));

    private static string UpdateValueMissing(DynamoPathExpression target) => DynamoStrings.UpdateValueMissing(target.DisplayName);

    private string KeyValue(DynamoValueExpression value)
        => _recording == null ? Placeholders.Value(EvaluateKey(value)) : Record(value, value, static value => KeyValueMissing((DynamoValueExpression)value));

    // A condition's value, which this execution's parameters hold as value.
    private string ConditionValue(DynamoValueExpression node, AttributeValue value, DynamoAttributeExpression attribute, Func<Expression, string> nullMessage)
        => _recording == null ? Placeholders.Value(value) : Record(node, attribute, nullMessage);

    // A value the writer evaluated on its own, such as one of an IN's: only this execution has it.
    private string EvaluatedValue(AttributeValue value)
    {
        if (_recording == null)
        {
            return Placeholders.Value(value);
        }

        _recording.PinToThisExecution();
        _recording.Add(DynamoRecordedValue.Fixed(value));
        return Placeholders.ReserveValue();
    }

    private string Record(DynamoValueExpression value, Expression subject, Func<Expression, string> nullMessage)
    {
        _recording!.Add(new DynamoRecordedValue(value, subject, nullMessage));
        return Placeholders.ReserveValue();
    }

    // Writes the conditions as DynamoDB's expressions do (names and values as placeholders, attribute_exists), and the
    // key conditions, projections and updates only they have.
    private sealed class Writer(DynamoExpressionRenderer renderer) : DynamoConditionWriter(renderer.Parameters)
    {
        protected override bool Writes(Expression node)
            => node is DynamoExpression or DynamoPathExpression or DynamoValueExpression or DynamoProjectionExpression
                or DynamoUpdateExpression or DynamoUpdateAction or DynamoArithmeticExpression or DynamoIfNotExistsExpression;

        protected override string Name(DynamoPathExpression path) => renderer.Name(path);

        protected override string Value(AttributeValue value) => renderer.EvaluatedValue(value);

        protected override string Value(DynamoValueExpression node, AttributeValue value, DynamoAttributeExpression attribute)
            => renderer.ConditionValue(node, value, attribute, static attribute => NullComparison((DynamoAttributeExpression)attribute));

        // Whether a parameter compared with is null decides the text (an existence test), so that text is for this
        // execution only.
        protected override Expression VisitComparison(DynamoComparisonExpression node)
        {
            if (renderer._recording != null && !node.Value.IsConstant)
            {
                renderer._recording.PinToThisExecution();
            }

            return base.VisitComparison(node);
        }

        protected override string Exists(string name, bool exists) => (exists ? "attribute_exists(" : "attribute_not_exists(") + name + ")";

        protected override string InList(string name, IEnumerable<string> values) => name + " IN (" + string.Join(", ", values) + ")";

        protected override Expression VisitPath(DynamoPathExpression node) => Append(node, Name(node));

        protected override Expression VisitAttribute(DynamoAttributeExpression node) => VisitPath(node);

        protected override Expression VisitValue(DynamoValueExpression node) => throw new InvalidOperationException(CoreStrings.TranslationFailed(node.ToString()));

        // The partition attributes' equalities, then the sort attributes' conditions, with values that may not be null.
        protected override Expression VisitKeyCondition(DynamoKeyConditionExpression node)
        {
            var separator = "";
            foreach (var condition in node.PartitionKey.Concat(node.SortKey))
            {
                Builder.Append(separator);
                separator = " AND ";
                switch (condition)
                {
                    case DynamoComparisonExpression comparison:
                        Builder.Append(renderer.Name(comparison.Attribute)).Append(' ').Append(Symbol(comparison.Operator))
                            .Append(' ').Append(renderer.KeyValue(comparison.Value));
                        break;
                    case DynamoBetweenExpression between:
                        Builder.Append(renderer.Name(between.Attribute)).Append(" BETWEEN ").Append(renderer.KeyValue(between.Low))
                            .Append(" AND ").Append(renderer.KeyValue(between.High));
                        break;
                    case DynamoFunctionExpression function:
                        Builder.Append(function.FunctionName).Append('(').Append(renderer.Name(function.Attribute)).Append(", ")
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
            var clauses = new StringBuilder?[UpdateClauses.Length];
            foreach (var action in node.Actions)
            {
                var text = TextOf(action);
                var separator = text.IndexOf(' ', StringComparison.Ordinal);
                var clause = ClauseOf(text.AsSpan(0, separator));
                var written = clauses[clause];
                (written == null ? clauses[clause] = new StringBuilder(UpdateClauses[clause]).Append(' ') : written.Append(", "))
                    .Append(text, separator + 1, text.Length - separator - 1);
            }

            var first = true;
            foreach (var clause in clauses)
            {
                if (clause != null)
                {
                    Builder.Append(first ? "" : " ").Append(clause);
                    first = false;
                }
            }

            return node;
        }

        private static int ClauseOf(ReadOnlySpan<char> keyword)
        {
            var clause = 0;
            while (!keyword.SequenceEqual(UpdateClauses[clause]))
            {
                clause++;
            }

            return clause;
        }

        protected override Expression VisitSetAction(DynamoSetAction node)
        {
            Builder.Append("SET ").Append(renderer.Name(node.Target)).Append(" = ");
            if (node.Value is DynamoValueExpression value)
            {
                Builder.Append(renderer.WrittenValue(value, node.Target));
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
    }
}

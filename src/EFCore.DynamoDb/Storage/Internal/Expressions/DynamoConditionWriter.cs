using System.Text;
using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary>
///     Writes the condition nodes — <c>AND</c>, <c>OR</c>, <c>NOT</c>, comparisons, <c>BETWEEN</c>, <c>IN</c>, functions,
///     <c>size</c> and existence tests — as text, given the parameter values of this execution: the grammar that DynamoDB's
///     expressions and PartiQL share. A derived writer says how its dialect names an attribute, writes a value and tests
///     whether an attribute exists. Values are taken in the order the text is written, so no value enters the text.
/// </summary>
public abstract class DynamoConditionWriter(IReadOnlyDictionary<string, object?> parameters) : DynamoExpressionVisitor
{
    // DynamoDB accepts at most 100 operands in one IN.
    private const int MaxInOperands = 100;

    /// <summary>The parameter values of this execution, by name.</summary>
    protected IReadOnlyDictionary<string, object?> Parameters { get; } = parameters;

    /// <summary>The text written so far.</summary>
    protected StringBuilder Builder { get; private set; } = new();

    /// <summary>The text of what was visited.</summary>
    public string Text => Builder.ToString();

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

    /// <summary>Visits <paramref name="node" /> when <see cref="Writes" /> it; anything else cannot be translated.</summary>
    public override Expression? Visit(Expression? node)
        => node is null || Writes(node) ? base.Visit(node) : throw new InvalidOperationException(CoreStrings.TranslationFailed(node.ToString()));

    /// <summary>Whether the dialect has a text for <paramref name="node" />: every condition node.</summary>
    protected virtual bool Writes(Expression node) => node is DynamoExpression;

    /// <summary>How the dialect names <paramref name="path" />.</summary>
    protected abstract string Name(DynamoPathExpression path);

    /// <summary>How the dialect writes <paramref name="value" />: a placeholder, taken in turn.</summary>
    protected abstract string Value(AttributeValue value);

    /// <summary>
    ///     How the dialect writes the value of <paramref name="node" />, compared with <paramref name="attribute" />, which
    ///     this execution evaluated to <paramref name="value" />: as any value, unless the dialect keeps the node.
    /// </summary>
    protected virtual string Value(DynamoValueExpression node, AttributeValue value, DynamoAttributeExpression attribute) => Value(value);

    /// <summary>How the dialect tests that the attribute named <paramref name="name" /> exists, or is absent.</summary>
    protected abstract string Exists(string name, bool exists);

    /// <summary>How the dialect writes <c>name IN</c> the written <paramref name="values" />.</summary>
    protected abstract string InList(string name, IEnumerable<string> values);

    /// <inheritdoc />
    protected override Expression VisitLogical(DynamoLogicalExpression node)
    {
        Builder.Append('(');
        Visit(node.Left);
        Builder.Append(node.IsAnd ? " AND " : " OR ");
        Visit(node.Right);
        Builder.Append(')');
        return node;
    }

    /// <inheritdoc />
    protected override Expression VisitConjunction(DynamoConjunctionExpression node)
    {
        for (var i = 0; i < node.Operands.Count; i++)
        {
            Builder.Append(i == 0 ? "" : " AND ");
            Visit(node.Operands[i]);
        }

        return node;
    }

    /// <inheritdoc />
    protected override Expression VisitNot(DynamoNotExpression node)
    {
        // DynamoDB refuses redundant parentheses: an operand already written in parentheses (a logical expression,
        // several INs) gets none of its own. A conjunction has none of its own even when its first condition does.
        var operand = TextOf(node.Operand);
        var parenthesized = node.Operand is not DynamoConjunctionExpression && operand.Length > 0 && operand[0] == '(';
        Builder.Append(parenthesized ? "NOT " : "NOT (").Append(operand).Append(parenthesized ? "" : ")");
        return node;
    }

    /// <inheritdoc />
    protected override Expression VisitAttributeExists(DynamoAttributeExistsExpression node)
        => Append(node, Exists(Name(node.Attribute), node.Exists));

    /// <inheritdoc />
    protected override Expression VisitComparison(DynamoComparisonExpression node)
    {
        var name = Name(node.Attribute);
        if (node.Value.Evaluate(Parameters) is not { } value)
        {
            // A parameter that is null at run time compares as C# does: == null ⇔ the attribute is absent.
            return Append(
                node,
                node.Operator switch
                {
                    DynamoComparisonOperator.Equal => Exists(name, exists: false),
                    DynamoComparisonOperator.NotEqual => Exists(name, exists: true),
                    _ => throw new InvalidOperationException(NullComparison(node.Attribute))
                });
        }

        return Append(node, name + " " + Symbol(node.Operator) + " " + Value(node.Value, value, node.Attribute));
    }

    /// <inheritdoc />
    protected override Expression VisitBetween(DynamoBetweenExpression node)
        => Append(
            node,
            Name(node.Attribute) + " BETWEEN " + NonNullValue(node.Low, node.Attribute) + " AND " + NonNullValue(node.High, node.Attribute));

    /// <inheritdoc />
    protected override Expression VisitFunction(DynamoFunctionExpression node)
        => Append(node, node.FunctionName + "(" + Name(node.Attribute) + ", " + NonNullValue(node.Value, node.Attribute) + ")");

    /// <inheritdoc />
    protected override Expression VisitSize(DynamoSizeExpression node)
        => Append(node, "size(" + Name(node.Attribute) + ") " + Symbol(node.Operator) + " " + NonNullValue(node.Value, node.Attribute));

    // Values beyond 100 go to further INs joined with OR; a null matches the absent attribute; no value matches nothing.
    /// <inheritdoc />
    protected override Expression VisitIn(DynamoInExpression node)
    {
        var name = Name(node.Attribute);
        var (values, hasNull) = node.Evaluate(Parameters);
        var terms = values.Chunk(MaxInOperands).Select(chunk => InList(name, chunk.Select(Value))).ToList();
        if (hasNull)
        {
            terms.Add(Exists(name, exists: false));
        }

        if (terms.Count == 0)
        {
            terms.Add("(" + Exists(name, exists: true) + " AND " + Exists(name, exists: false) + ")");
        }

        return Append(node, terms.Count == 1 ? terms[0] : "(" + string.Join(" OR ", terms) + ")");
    }

    /// <summary>Appends <paramref name="text" />, written for <paramref name="node" />, which it returns.</summary>
    protected Expression Append(Expression node, string text)
    {
        Builder.Append(text);
        return node;
    }

    /// <summary>The text of a node on its own, taking its values in turn.</summary>
    protected string TextOf(Expression node)
    {
        var outer = Builder;
        Builder = new StringBuilder();
        Visit(node);
        var text = Builder.ToString();
        Builder = outer;
        return text;
    }

    // A value searched for, or a size, that is null at run time has no DynamoDB meaning.
    private string NonNullValue(DynamoValueExpression value, DynamoAttributeExpression attribute)
        => Value(
            value,
            value.Evaluate(Parameters)
            ?? throw new InvalidOperationException(NullComparison(attribute)),
            attribute);

    /// <summary>What a comparison with null that has no DynamoDB meaning is refused with.</summary>
    protected static string NullComparison(DynamoAttributeExpression attribute)
        => DynamoStrings.NullComparison(attribute.Property.DeclaringType.DisplayName(), attribute.Property.Name);
}

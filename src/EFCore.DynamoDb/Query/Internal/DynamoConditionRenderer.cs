using System.Text;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Writes <see cref="DynamoExpression" />s as DynamoDB condition text for one execution: attribute names and
///     values become placeholders, parameter values are read from the query context.
/// </summary>
public sealed class DynamoConditionRenderer(DynamoExpressionPlaceholders placeholders, QueryContext queryContext)
{
    // DynamoDB accepts at most 100 operands in one IN.
    private const int MaxInOperands = 100;

    public string Render(DynamoExpression expression)
    {
        var builder = new StringBuilder();
        Render(expression, builder);
        return builder.ToString();
    }

    /// <summary>The key condition: the partition key equality, then the sort key condition if any.</summary>
    public string RenderKeyCondition(DynamoComparisonExpression partitionKeyCondition, DynamoExpression? sortKeyCondition)
    {
        var builder = new StringBuilder();
        builder.Append(Name(partitionKeyCondition.Attribute)).Append(" = ").Append(KeyValue(partitionKeyCondition.Value));
        switch (sortKeyCondition)
        {
            case DynamoComparisonExpression comparison:
                builder.Append(" AND ").Append(Name(comparison.Attribute)).Append(' ').Append(Symbol(comparison.Operator))
                    .Append(' ').Append(KeyValue(comparison.Value));
                break;
            case DynamoBetweenExpression between:
                builder.Append(" AND ").Append(Name(between.Attribute)).Append(" BETWEEN ").Append(KeyValue(between.Low))
                    .Append(" AND ").Append(KeyValue(between.High));
                break;
            case DynamoFunctionExpression function:
                builder.Append(" AND ").Append(function.FunctionName).Append('(').Append(Name(function.Attribute)).Append(", ")
                    .Append(KeyValue(function.Value)).Append(')');
                break;
        }

        return builder.ToString();
    }

    /// <summary>The value of a key condition, which may not be null.</summary>
    public AttributeValue EvaluateKey(DynamoValueExpression value)
        => value.Evaluate(queryContext)
            ?? throw new InvalidOperationException(
                DynamoStrings.KeyValueMissing(value.Property.DeclaringType.DisplayName(), value.Property.Name));

    private string KeyValue(DynamoValueExpression value) => placeholders.Value(EvaluateKey(value));

    private void Render(DynamoExpression expression, StringBuilder builder)
    {
        switch (expression)
        {
            case DynamoLogicalExpression logical:
                builder.Append('(');
                Render(logical.Left, builder);
                builder.Append(logical.IsAnd ? " AND " : " OR ");
                Render(logical.Right, builder);
                builder.Append(')');
                break;

            case DynamoNotExpression not:
            {
                // DynamoDB refuses redundant parentheses: an operand already rendered in parentheses (a logical
                // expression, several INs) gets none of its own.
                var operand = new StringBuilder();
                Render(not.Operand, operand);
                var parenthesized = operand.Length > 0 && operand[0] == '(';
                builder.Append(parenthesized ? "NOT " : "NOT (").Append(operand).Append(parenthesized ? "" : ")");
                break;
            }

            case DynamoAttributeExistsExpression exists:
                builder.Append(exists.Exists ? "attribute_exists(" : "attribute_not_exists(").Append(Name(exists.Attribute)).Append(')');
                break;

            case DynamoComparisonExpression comparison:
                RenderComparison(comparison, builder);
                break;

            case DynamoFunctionExpression function:
                builder.Append(function.FunctionName).Append('(').Append(Name(function.Attribute)).Append(", ")
                    .Append(placeholders.Value(NonNull(function.Value, function.Attribute))).Append(')');
                break;

            case DynamoInExpression @in:
                RenderIn(@in, builder);
                break;

            case DynamoSizeExpression size:
                builder.Append("size(").Append(Name(size.Attribute)).Append(") ").Append(Symbol(size.Operator)).Append(' ')
                    .Append(placeholders.Value(NonNull(size.Value, size.Attribute)));
                break;

            default:
                throw new InvalidOperationException(CoreStrings.TranslationFailed(expression.ToString()));
        }
    }

    // A value searched for, or a size, that is null at run time has no DynamoDB meaning.
    private AttributeValue NonNull(DynamoValueExpression value, DynamoAttributeExpression attribute)
        => value.Evaluate(queryContext)
            ?? throw new InvalidOperationException(DynamoStrings.NullComparison(attribute.Property.DeclaringType.DisplayName(), attribute.Property.Name));

    private void RenderComparison(DynamoComparisonExpression comparison, StringBuilder builder)
    {
        var name = Name(comparison.Attribute);
        var value = comparison.Value.Evaluate(queryContext);
        if (value == null)
        {
            // A parameter that is null at run time compares as C# does: == null ⇔ the attribute is absent.
            builder.Append(comparison.Operator switch
            {
                DynamoComparisonOperator.Equal => "attribute_not_exists(" + name + ")",
                DynamoComparisonOperator.NotEqual => "attribute_exists(" + name + ")",
                _ => throw new InvalidOperationException(
                    DynamoStrings.NullComparison(comparison.Attribute.Property.DeclaringType.DisplayName(), comparison.Attribute.Property.Name))
            });
            return;
        }

        builder.Append(name).Append(' ').Append(Symbol(comparison.Operator)).Append(' ').Append(placeholders.Value(value));
    }

    // Values beyond 100 go to further INs joined with OR; a null matches the absent attribute; no value matches nothing.
    private void RenderIn(DynamoInExpression @in, StringBuilder builder)
    {
        var name = Name(@in.Attribute);
        var (values, hasNull) = @in.Evaluate(queryContext);
        var terms = values.Chunk(MaxInOperands)
            .Select(chunk => name + " IN (" + string.Join(", ", chunk.Select(placeholders.Value)) + ")")
            .ToList();
        if (hasNull)
        {
            terms.Add("attribute_not_exists(" + name + ")");
        }

        if (terms.Count == 0)
        {
            terms.Add("(attribute_exists(" + name + ") AND attribute_not_exists(" + name + "))");
        }

        builder.Append(terms.Count == 1 ? terms[0] : "(" + string.Join(" OR ", terms) + ")");
    }

    // A document path is one placeholder per name: #n0.#n1.
    private string Name(DynamoAttributeExpression attribute) => string.Join('.', attribute.ResolvePath(queryContext).Select(placeholders.Name));

    private static string Symbol(DynamoComparisonOperator op)
        => op switch
        {
            DynamoComparisonOperator.Equal => "=",
            DynamoComparisonOperator.NotEqual => "<>",
            DynamoComparisonOperator.LessThan => "<",
            DynamoComparisonOperator.LessThanOrEqual => "<=",
            DynamoComparisonOperator.GreaterThan => ">",
            _ => ">="
        };
}

using System.Text;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Writes a <see cref="DynamoExpression" /> as DynamoDB condition text for one execution: attribute names and
///     values become placeholders, parameter values are read from the query context.
/// </summary>
public sealed class DynamoConditionRenderer(DynamoExpressionPlaceholders placeholders, QueryContext queryContext)
{
    public string Render(DynamoExpression expression)
    {
        var builder = new StringBuilder();
        Render(expression, builder);
        return builder.ToString();
    }

    /// <summary>The key condition: the partition key equality, then the sort key condition (two bounds make a BETWEEN).</summary>
    public string RenderKeyCondition(IReadOnlyList<DynamoComparisonExpression> keyConditions)
    {
        var builder = new StringBuilder();
        RenderKeyComparison(keyConditions[0], builder);
        if (keyConditions.Count == 2)
        {
            builder.Append(" AND ");
            RenderKeyComparison(keyConditions[1], builder);
        }
        else if (keyConditions.Count == 3)
        {
            builder.Append(" AND ").Append(Name(keyConditions[1].Attribute)).Append(" BETWEEN ")
                .Append(KeyValue(keyConditions[1])).Append(" AND ").Append(KeyValue(keyConditions[2]));
        }

        return builder.ToString();
    }

    /// <summary>The value of a key condition, which may not be null.</summary>
    public AttributeValue EvaluateKey(DynamoComparisonExpression keyCondition)
        => keyCondition.Value.Evaluate(queryContext)
            ?? throw new InvalidOperationException(
                DynamoStrings.KeyValueMissing(keyCondition.Attribute.Property.DeclaringType.DisplayName(), keyCondition.Attribute.Property.Name));

    private void RenderKeyComparison(DynamoComparisonExpression comparison, StringBuilder builder)
        => builder.Append(Name(comparison.Attribute)).Append(' ').Append(Symbol(comparison.Operator)).Append(' ').Append(KeyValue(comparison));

    private string KeyValue(DynamoComparisonExpression comparison) => placeholders.Value(EvaluateKey(comparison));

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
                builder.Append("NOT (");
                Render(not.Operand, builder);
                builder.Append(')');
                break;

            case DynamoAttributeExistsExpression exists:
                builder.Append(exists.Exists ? "attribute_exists(" : "attribute_not_exists(").Append(Name(exists.Attribute)).Append(')');
                break;

            case DynamoComparisonExpression comparison:
                RenderComparison(comparison, builder);
                break;

            case DynamoInExpression @in:
                builder.Append(Name(@in.Attribute)).Append(" IN (")
                    .AppendJoin(", ", @in.Values.Select(v => placeholders.Value(v.Evaluate(queryContext)!)))
                    .Append(')');
                break;

            default:
                throw new InvalidOperationException(CoreStrings.TranslationFailed(expression.ToString()));
        }
    }

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

    private string Name(DynamoAttributeExpression attribute) => placeholders.Name(attribute.AttributeName);

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

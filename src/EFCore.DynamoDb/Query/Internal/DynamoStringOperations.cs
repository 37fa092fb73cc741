namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Names the string operation of a refused condition that DynamoDB has no equivalent for: a method such as
///     <c>EndsWith</c> or <c>ToLower</c>, or a comparison other than the ordinal one (<c>StringComparison.OrdinalIgnoreCase</c>).
///     DynamoDB compares strings by their bytes and offers only <c>begins_with</c>, <c>contains</c> and <c>size</c>.
/// </summary>
public sealed class DynamoStringOperations : ExpressionVisitor
{
    // The methods the provider translates (in some of their overloads): a refusal of one of them has another cause.
    private static readonly HashSet<string> Translated =
    [
        nameof(string.StartsWith), nameof(string.Contains), nameof(string.Equals), nameof(string.Compare),
        nameof(string.CompareOrdinal), nameof(string.CompareTo)
    ];

    private string? _operation;

    private DynamoStringOperations()
    {
    }

    /// <summary>The first string operation of <paramref name="expression" /> DynamoDB lacks, or <see langword="null" />.</summary>
    public static string? FindUnsupported(Expression expression)
    {
        var finder = new DynamoStringOperations();
        finder.Visit(expression);
        return finder._operation;
    }

    /// <inheritdoc />
    public override Expression? Visit(Expression? node) => _operation == null ? base.Visit(node) : node;

    /// <inheritdoc />
    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.DeclaringType == typeof(string))
        {
            if (node.Arguments.OfType<ConstantExpression>().FirstOrDefault(a => a.Value is StringComparison and not StringComparison.Ordinal) is
                { Value: StringComparison comparison })
            {
                _operation = nameof(StringComparison) + "." + comparison;
                return node;
            }

            if (!node.Method.IsStatic && !Translated.Contains(node.Method.Name))
            {
                _operation = node.Method.Name;
                return node;
            }
        }

        return base.VisitMethodCall(node);
    }
}

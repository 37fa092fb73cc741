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

    // Writes the conditions as PartiQL does: names double-quoted, values as ?, IS [NOT] MISSING, IN with brackets.
    private sealed class Writer(DynamoPartiQLConditionRenderer renderer) : DynamoConditionWriter(renderer.QueryParameters)
    {
        protected override string Name(DynamoPathExpression path) => "\"" + path.AttributeName + "\"";

        protected override string Value(AttributeValue value)
        {
            renderer.Parameters.Add(value);
            return "?";
        }

        protected override string Exists(string name, bool exists) => name + (exists ? " IS NOT MISSING" : " IS MISSING");

        protected override string InList(string name, IEnumerable<string> values) => name + " IN [" + string.Join(", ", values) + "]";
    }
}

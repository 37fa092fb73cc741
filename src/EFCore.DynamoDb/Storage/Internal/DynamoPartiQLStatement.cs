using System.Text;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     A PartiQL statement written as an interpolated string, split once into text and holes: a hole holding a
///     <c>DbSet</c> names that entity type's table (quoted, with the context's table prefix, resolved when the statement is
///     sent); every other hole is a value, sent as a <c>?</c> parameter and never written into the text. A hole inside a
///     quoted literal or name, or one with a format or alignment, is refused: it would not be a value.
/// </summary>
public sealed class DynamoPartiQLStatement : IEquatable<DynamoPartiQLStatement>
{
    // Text runs (string) and table holes (IReadOnlyEntityType), in order; a value hole is a "?" in a text run.
    private readonly IReadOnlyList<object> _parts;

    private DynamoPartiQLStatement(IReadOnlyList<object> parts, int parameterCount)
    {
        _parts = parts;
        ParameterCount = parameterCount;
        Template = string.Concat(parts.Select(part => part as string ?? "{" + ((IReadOnlyEntityType)part).DisplayName() + "}"));
        Skeleton = string.Concat(parts.Select(part => part as string ?? "\"\""));
    }

    /// <summary>The statement with <c>?</c> for its values and <c>{entity type}</c> for its tables: what identifies it.</summary>
    public string Template { get; }

    /// <summary>The statement with <c>?</c> for its values and <c>""</c> for its tables: its shape, whatever the names.</summary>
    public string Skeleton { get; }

    /// <summary>How many values the statement takes.</summary>
    public int ParameterCount { get; }

    /// <summary>The entity types whose tables the statement names.</summary>
    public IEnumerable<IReadOnlyEntityType> Tables => _parts.OfType<IReadOnlyEntityType>();

    /// <summary>
    ///     Splits <paramref name="statement" /> into the statement and the values of its value holes, in order; throws
    ///     when a hole is not in the position of a value.
    /// </summary>
    public static (DynamoPartiQLStatement Statement, object?[] Values) Parse(FormattableString statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var format = statement.Format;
        var parts = new List<object>();
        var values = new List<object?>();
        var text = new StringBuilder();
        char? quote = null;
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if ((c == '{' || c == '}') && i + 1 < format.Length && format[i + 1] == c)
            {
                text.Append(c);
                i++;
                continue;
            }

            if (c != '{')
            {
                // PartiQL doubles a quote inside a literal or name: closing and reopening lands in the same state.
                quote = c is '\'' or '"' ? quote == null ? c : quote == c ? null : quote : quote;
                text.Append(c);
                continue;
            }

            var end = format.IndexOf('}', i);
            var hole = format[(i + 1)..end];
            var argument = statement.GetArgument(int.Parse(hole.Split(',', ':')[0], CultureInfo.InvariantCulture));
            var holeNumber = values.Count + parts.Count(p => p is IReadOnlyEntityType) + 1;
            if (quote != null)
            {
                throw new InvalidOperationException(DynamoStrings.PartiQLHoleInQuotes(holeNumber, statement.Format));
            }

            if (hole.IndexOfAny([',', ':']) >= 0)
            {
                throw new InvalidOperationException(DynamoStrings.PartiQLHoleFormatted(holeNumber, statement.Format));
            }

            if (TableOf(argument, holeNumber, statement.Format) is { } entityType)
            {
                parts.Add(text.ToString());
                parts.Add(entityType);
                text.Clear();
            }
            else
            {
                text.Append('?');
                values.Add(argument);
            }

            i = end;
        }

        parts.Add(text.ToString());
        return (new DynamoPartiQLStatement(parts, values.Count), values.ToArray());
    }

    /// <summary>The text sent to DynamoDB: tables quoted with their physical names, values as <c>?</c>.</summary>
    public string Render(IDynamoTableNameResolver tableNames)
        => string.Concat(_parts.Select(part => part as string ?? "\"" + tableNames.Resolve((IReadOnlyEntityType)part) + "\""));

    // A DbSet names its table; any other query is no value and no table.
    private static IReadOnlyEntityType? TableOf(object? argument, int holeNumber, string format)
        => argument is not IQueryable queryable ? null
            : queryable.Expression is EntityQueryRootExpression root && root.GetType() == typeof(EntityQueryRootExpression) ? root.EntityType
            : throw new InvalidOperationException(DynamoStrings.PartiQLHoleQuery(holeNumber, format));

    /// <inheritdoc />
    public bool Equals(DynamoPartiQLStatement? other)
        => other != null && Template == other.Template && Tables.SequenceEqual(other.Tables);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DynamoPartiQLStatement);

    /// <inheritdoc />
    public override int GetHashCode() => Template.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Template;
}

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Adds a condition to a plain PartiQL <c>SELECT … FROM … [WHERE …]</c>: the statement's own condition is
///     parenthesized and the new one joined with <c>AND</c>, or a <c>WHERE</c> is added. Any other statement (one with
///     <c>ORDER BY</c>, or not a <c>SELECT</c>) takes no condition. Words are looked for outside quoted literals and
///     names only, so a value or a name never changes the statement's shape.
/// </summary>
public static class DynamoPartiQLComposition
{
    /// <summary>Whether <paramref name="statement" /> is a plain <c>SELECT … FROM … [WHERE …]</c>.</summary>
    public static bool IsComposable(string statement) => FindWhere(statement) != null;

    /// <summary>Whether a plain <c>SELECT</c> has a <c>WHERE</c>, which may drop items DynamoDB reads.</summary>
    public static bool HasWhere(string statement) => FindWhere(statement) is >= 0;

    /// <summary>Whether <paramref name="statement" /> begins with the word <paramref name="keyword" />, such as <c>SELECT</c>.</summary>
    public static bool StartsWith(string statement, string keyword)
        => Words(statement).FirstOrDefault().Word?.Equals(keyword, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Whether <paramref name="statement" /> has the word <paramref name="keyword" /> outside quotes, such as <c>RETURNING</c>.</summary>
    public static bool Contains(string statement, string keyword)
        => Words(statement).Any(w => w.Word.Equals(keyword, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    ///     <paramref name="statement" />, a plain <c>SELECT</c>, returning only the items that also satisfy <paramref
    ///     name="condition" />.
    /// </summary>
    public static string AndWhere(string statement, string condition)
    {
        var where = FindWhere(statement) ?? throw new InvalidOperationException(DynamoStrings.PartiQLNotComposable(statement));
        var trimmed = statement.TrimEnd().TrimEnd(';');
        return where < 0
            ? trimmed + " WHERE " + condition
            : trimmed[..where] + " (" + trimmed[where..].TrimStart() + ") AND (" + condition + ")";
    }

    // The position just after the WHERE keyword, -1 without one, null when the statement is not a plain SELECT.
    private static int? FindWhere(string statement)
    {
        var words = Words(statement).ToList();
        if (!StartsWith(statement, "SELECT") || !Contains(statement, "FROM") || Contains(statement, "ORDER"))
        {
            return null;
        }

        var where = words.FindIndex(w => w.Word.Equals("WHERE", StringComparison.OrdinalIgnoreCase));
        return where < 0 ? -1 : words[where].End;
    }

    // The words outside quotes; PartiQL doubles a quote inside a quoted run.
    private static IEnumerable<(string Word, int End)> Words(string statement)
    {
        for (var i = 0; i < statement.Length;)
        {
            var c = statement[i];
            if (c is '\'' or '"')
            {
                i = statement.IndexOf(c, i + 1) is var close and >= 0 ? close + 1 : statement.Length;
                continue;
            }

            if (!char.IsLetter(c))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < statement.Length && (char.IsLetterOrDigit(statement[i]) || statement[i] == '_'))
            {
                i++;
            }

            yield return (statement[start..i], i);
        }
    }
}

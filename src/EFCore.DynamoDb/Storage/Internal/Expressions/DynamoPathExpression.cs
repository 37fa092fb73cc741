namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary>
///     A document path: the names from the item down to an attribute, each becoming a placeholder of its own
///     (<c>#n0.#n1</c>). A name is a constant, or for a dictionary key possibly a query parameter read at execution
///     time. A path is what a projection reads and an update action writes; a condition compares a
///     <see cref="DynamoAttributeExpression" />, a path that also knows the property stored there.
/// </summary>
public class DynamoPathExpression : Expression
{
    /// <summary>The top-level attribute <paramref name="attributeName" />.</summary>
    public DynamoPathExpression(string attributeName)
        : this([Constant(attributeName)], attributeName)
    {
    }

    /// <summary>The path <paramref name="path" />, shown as <paramref name="displayName" /> in messages.</summary>
    public DynamoPathExpression(IReadOnlyList<Expression> path, string displayName)
    {
        if (path.Count == 0 || path.Any(segment => segment is not (ConstantExpression or QueryParameterExpression)))
        {
            throw new ArgumentException(string.Join(".", path), nameof(path));
        }

        Path = path;
        DisplayName = displayName;
    }

    /// <summary>The names from the item down: constants, and for a dictionary key possibly a query parameter.</summary>
    public IReadOnlyList<Expression> Path { get; }

    /// <summary>The top-level attribute the path starts at.</summary>
    public string AttributeName => (string)((ConstantExpression)Path[0]).Value!;

    /// <summary>Whether this is a path inside a document rather than a top-level attribute (so never a key).</summary>
    public bool IsNested => Path.Count > 1;

    /// <summary>Whether every name of the path is a constant, so that its text is the same on every execution.</summary>
    public bool IsConstant => Path.All(segment => segment is ConstantExpression);

    /// <summary>The path for messages, e.g. <c>Customer.Home.City</c>.</summary>
    public string DisplayName { get; }

    /// <inheritdoc />
    public sealed override ExpressionType NodeType => ExpressionType.Extension;

    /// <inheritdoc />
    public override Type Type => typeof(object);

    /// <summary>The names of the path for one execution, given its evaluated parameter values.</summary>
    public IEnumerable<string> ResolvePath(IReadOnlyDictionary<string, object?> parameters)
        => Path.Select(segment => ResolveSegment(segment, parameters));

    /// <summary>One name of the path for one execution, given its evaluated parameter values.</summary>
    public string ResolveSegment(Expression segment, IReadOnlyDictionary<string, object?> parameters)
        => (segment is ConstantExpression constant
                ? constant.Value
                : parameters.GetValueOrDefault(((QueryParameterExpression)segment).Name)) as string
            ?? throw new InvalidOperationException(DynamoStrings.DictionaryKeyMissing(DisplayName));

    /// <summary>This path with other names, or this very node when they are the same.</summary>
    public virtual DynamoPathExpression Update(IReadOnlyList<Expression> path)
        => ReferenceEquals(path, Path) ? this : new DynamoPathExpression(path, DisplayName);

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
        => DynamoChildren.Visit(visitor, Path) is { } path ? Update(path) : this;

    /// <inheritdoc />
    public override string ToString()
        => string.Join(".", Path.Select(p => p is ConstantExpression c ? c.Value : "@" + ((QueryParameterExpression)p).Name));
}

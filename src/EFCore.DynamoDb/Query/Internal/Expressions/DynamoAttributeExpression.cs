using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>
///     An attribute of the item, or a document path into one: a mapped property's attribute (<c>x.Prop</c>), a
///     property of a complex value inside its map (<c>x.Address.City</c> → <c>Address.City</c>), or an entry of a
///     string-keyed dictionary (<c>x.Map["k"]</c> → <c>Map.k</c>). Each name of the path becomes a placeholder of its
///     own; a dictionary key may be a parameter, read at execution time. Only a top-level attribute can be a key.
/// </summary>
public sealed class DynamoAttributeExpression : Expression
{
    /// <summary>The attribute of a property of the entity, or of a single complex value inside it at any depth.</summary>
    public DynamoAttributeExpression(IProperty property)
        : this(
            property,
            [.. ContainerPath(property.DeclaringType).Select(n => (Expression)Constant(n)), Constant(property.GetAttributeName())],
            (DynamoTypeMapping)property.GetTypeMapping(),
            ContainerDisplayName(property.DeclaringType) + "." + property.Name)
    {
    }

    /// <summary>The attribute at <paramref name="path" />, holding (part of) <paramref name="property" />'s value.</summary>
    public DynamoAttributeExpression(IProperty property, IReadOnlyList<Expression> path, DynamoTypeMapping mapping, string displayName)
    {
        Property = property;
        Path = path;
        Mapping = mapping;
        DisplayName = displayName;
    }

    /// <summary>The mapped property stored at this path, or (for a dictionary entry) the dictionary holding it.</summary>
    public new IProperty Property { get; }

    /// <summary>The names from the item down: constants, and for a dictionary key possibly a query parameter.</summary>
    public IReadOnlyList<Expression> Path { get; }

    /// <summary>The top-level attribute the path starts at.</summary>
    public string AttributeName => (string)((ConstantExpression)Path[0]).Value!;

    /// <summary>Whether this is a path inside a document rather than a top-level attribute (so never a key).</summary>
    public bool IsNested => Path.Count > 1;

    /// <summary>The mapping that converts a value compared with this attribute.</summary>
    public DynamoTypeMapping Mapping { get; }

    /// <summary>The DynamoDB type stored at this path.</summary>
    public DynamoScalarType DynamoType => Mapping.ScalarType;

    /// <summary>The mapping of a set's, list's or dictionary's elements, or <see langword="null" /> for a scalar.</summary>
    public DynamoTypeMapping? ElementMapping => Mapping.Converter == null ? Mapping.Codec.ElementMapping : null;

    /// <summary>The property path for messages, e.g. <c>Customer.Home.City</c>.</summary>
    public string DisplayName { get; }

    public override ExpressionType NodeType => ExpressionType.Extension;

    public override Type Type => Mapping.ClrType;

    /// <summary>The entry of the dictionary stored at this path under <paramref name="key" /> (a constant or parameter).</summary>
    public DynamoAttributeExpression Entry(Expression key, DynamoTypeMapping valueMapping)
        => new(Property, [.. Path, key], valueMapping, DisplayName + "[" + (key is ConstantExpression { Value: string name } ? name : key.ToString()) + "]");

    /// <summary>The names of the path for one execution.</summary>
    public IEnumerable<string> ResolvePath(QueryContext? queryContext)
        => Path.Select(
            segment => (segment is ConstantExpression constant ? constant.Value : queryContext?.Parameters[((QueryParameterExpression)segment).Name]) as string
                ?? throw new InvalidOperationException(DynamoStrings.DictionaryKeyMissing(DisplayName)));

    // The names of the maps a complex type's values are stored in, from the item down; none for an entity type.
    private static IEnumerable<string> ContainerPath(ITypeBase type)
        => type is IComplexType complexType
            ? [.. ContainerPath(complexType.ComplexProperty.DeclaringType), complexType.ComplexProperty.Name]
            : [];

    private static string ContainerDisplayName(ITypeBase type)
        => type is IComplexType complexType
            ? ContainerDisplayName(complexType.ComplexProperty.DeclaringType) + "." + complexType.ComplexProperty.Name
            : type.DisplayName();

    protected override Expression VisitChildren(ExpressionVisitor visitor) => this;

    public override string ToString() => string.Join(".", Path.Select(p => p is ConstantExpression c ? c.Value : "@" + ((QueryParameterExpression)p).Name));
}

namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary>
///     An attribute of the item, or a document path into one, that holds a mapped property's value: the property's
///     attribute (<c>x.Prop</c>), a property of a complex value inside its map (<c>x.Address.City</c> →
///     <c>Address.City</c>), or an entry of a string-keyed dictionary (<c>x.Map["k"]</c> → <c>Map.k</c>). Only a
///     top-level attribute can be a key.
/// </summary>
public sealed class DynamoAttributeExpression : DynamoPathExpression
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
        : base(path, displayName)
    {
        Property = property;
        Mapping = mapping;
    }

    /// <summary>The mapped property stored at this path, or (for a dictionary entry) the dictionary holding it.</summary>
    public new IProperty Property { get; }

    /// <summary>The mapping that converts a value compared with this attribute.</summary>
    public DynamoTypeMapping Mapping { get; }

    /// <summary>The DynamoDB type stored at this path.</summary>
    public DynamoScalarType DynamoType => Mapping.ScalarType;

    /// <summary>The mapping of a set's, list's or dictionary's elements, or <see langword="null" /> for a scalar.</summary>
    public DynamoTypeMapping? ElementMapping => Mapping.Converter == null ? Mapping.Codec.ElementMapping : null;

    /// <inheritdoc />
    public override Type Type => Mapping.ClrType;

    /// <summary>The entry of the dictionary stored at this path under <paramref name="key" /> (a constant or parameter).</summary>
    public DynamoAttributeExpression Entry(Expression key, DynamoTypeMapping valueMapping)
        => new(Property, [.. Path, key], valueMapping, DisplayName + "[" + (key is ConstantExpression { Value: string name } ? name : key.ToString()) + "]");

    /// <inheritdoc />
    public override DynamoAttributeExpression Update(IReadOnlyList<Expression> path)
        => ReferenceEquals(path, Path) ? this : new DynamoAttributeExpression(Property, path, Mapping, DisplayName);

    // The names of the maps a complex type's values are stored in, from the item down; none for an entity type.
    private static IEnumerable<string> ContainerPath(ITypeBase type)
        => type is IComplexType complexType
            ? [.. ContainerPath(complexType.ComplexProperty.DeclaringType), complexType.ComplexProperty.Name]
            : [];

    private static string ContainerDisplayName(ITypeBase type)
        => type is IComplexType complexType
            ? ContainerDisplayName(complexType.ComplexProperty.DeclaringType) + "." + complexType.ComplexProperty.Name
            : type.DisplayName();
}

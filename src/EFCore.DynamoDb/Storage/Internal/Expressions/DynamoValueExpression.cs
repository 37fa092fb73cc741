using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal.Expressions;

/// <summary>
///     A value compared with an attribute: a constant, or a query parameter read at execution time so that the
///     compiled query is reused — or a composite's value joined from such component values (Flywheel's queries on
///     composite pieces). It is converted with the compared property's type mapping, unless it is already a stored
///     value (what a write computed from the entity).
/// </summary>
public sealed class DynamoValueExpression : Expression
{
    /// <summary>A value compared with <paramref name="property" />, converted with its type mapping.</summary>
    public DynamoValueExpression(Expression value, IProperty property)
        : this(value, property, (DynamoTypeMapping)property.GetTypeMapping())
    {
    }

    /// <summary>A value compared with <paramref name="attribute" />, converted with its mapping.</summary>
    public DynamoValueExpression(Expression value, DynamoAttributeExpression attribute)
        : this(value, attribute.Property, attribute.Mapping)
    {
    }

    /// <summary>A value converted with <paramref name="mapping" /> (an element's, or a size's); errors name <paramref name="property" />.</summary>
    public DynamoValueExpression(Expression value, IProperty property, DynamoTypeMapping mapping)
        : this(value, property, mapping, null, isPrefix: false)
    {
    }

    private DynamoValueExpression(
        Expression value,
        IProperty? property,
        DynamoTypeMapping? mapping,
        IReadOnlyList<DynamoValueExpression>? components,
        bool isPrefix)
    {
        if (value is not (ConstantExpression or QueryParameterExpression))
        {
            throw new ArgumentException(value.ToString(), nameof(value));
        }

        Value = value;
        Property = property;
        Mapping = mapping;
        Components = components;
        IsPrefix = isPrefix;
    }

    /// <summary>
    ///     The value of a joined composite computed from its leading components' values; with
    ///     <paramref name="isPrefix" />, followed by the separator, for <c>begins_with</c> on fewer than all components.
    /// </summary>
    public static DynamoValueExpression ForComposite(IProperty composite, IReadOnlyList<DynamoValueExpression> components, bool isPrefix)
        => new(Constant(null, typeof(string)), composite, (DynamoTypeMapping)composite.GetTypeMapping(), components, isPrefix);

    /// <summary>A value already converted to what DynamoDB stores, such as a write's new attribute value.</summary>
    public static DynamoValueExpression Stored(AttributeValue value)
        => new(Constant(value), null, null, null, isPrefix: false);

    /// <summary>A <see cref="ConstantExpression" /> or a <see cref="QueryParameterExpression" />.</summary>
    public Expression Value { get; }

    /// <summary>The property whose mapping converts the value; <see langword="null" /> for a <see cref="Stored" /> value.</summary>
    public new IProperty? Property { get; }

    /// <summary>The mapping that converts the value; <see langword="null" /> for a <see cref="Stored" /> value.</summary>
    public DynamoTypeMapping? Mapping { get; }

    /// <summary>For a composite's value, the values of the components it is joined from.</summary>
    public IReadOnlyList<DynamoValueExpression>? Components { get; }

    /// <summary>For a composite's value, whether the separator follows the joined components.</summary>
    public bool IsPrefix { get; }

    /// <summary>Whether the value is a constant (of constant components, for a composite's), the same on every execution.</summary>
    public bool IsConstant => Value is ConstantExpression && (Components?.All(component => component.IsConstant) ?? true);

    /// <inheritdoc />
    public override ExpressionType NodeType => ExpressionType.Extension;

    /// <inheritdoc />
    public override Type Type => Value.Type;

    /// <summary>This value with other children, or this very node when they are the same.</summary>
    public DynamoValueExpression Update(Expression value, IReadOnlyList<DynamoValueExpression>? components)
        => value == Value && components == Components ? this : new DynamoValueExpression(value, Property, Mapping, components, IsPrefix);

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
    {
        var value = visitor.Visit(Value);
        var components = Components == null ? null : DynamoChildren.Visit(visitor, Components) ?? Components;
        return Update(value, components);
    }

    /// <summary>The value as stored, given this execution's parameter values, or <see langword="null" /> when it is null.</summary>
    public AttributeValue? Evaluate(IReadOnlyDictionary<string, object?> parameters)
        => Mapping == null ? (AttributeValue?)((ConstantExpression)Value).Value : ToAttributeValue(Property!, Mapping, ReadValue(parameters));

    private object? ReadValue(IReadOnlyDictionary<string, object?> parameters)
    {
        if (Components != null)
        {
            var joined = DynamoCompositeValue.Join(Property!, Components.Select(c => c.ReadValue(parameters)));
            // No component fixed leaves the composite's own prefix (ORDER#), which no separator follows.
            return IsPrefix && joined != null && Components.Count > 0 ? joined + Property!.GetCompositeSeparator() : joined;
        }

        return Value is ConstantExpression constant ? constant.Value : parameters[((QueryParameterExpression)Value).Name];
    }

    /// <summary>A value compared with <paramref name="property" /> (or one of its elements), as <paramref name="mapping" /> stores it.</summary>
    public static AttributeValue? ToAttributeValue(IProperty property, DynamoTypeMapping mapping, object? value)
        => DynamoPropertyValueConverter.ToAttributeValue(property, mapping, CoerceToType(mapping.ClrType, value));

    // C# compares enums through their underlying number, so the value may arrive as that number; a small number type
    // (short, byte…) is compared after promotion to int, so the value may arrive as an int; and a string may be
    // searched for a char.
    private static object? CoerceToType(Type type, object? value)
    {
        var propertyType = Nullable.GetUnderlyingType(type) ?? type;
        return value switch
        {
            null => null,
            // The usual case, decided without asking the type anything more.
            _ when value.GetType() == propertyType => value,
            _ when propertyType.IsEnum && !propertyType.IsInstanceOfType(value) => Enum.ToObject(propertyType, value),
            char character when propertyType == typeof(string) => character.ToString(),
            _ when IsNumber(propertyType) && IsNumber(value.GetType()) && value.GetType() != propertyType => ConvertNumber(value, propertyType),
            _ => value
        };
    }

    private static bool IsNumber(Type type)
        => type.IsPrimitive && type != typeof(bool) && type != typeof(char) && type != typeof(IntPtr) && type != typeof(UIntPtr)
            || type == typeof(decimal);

    // A value out of the property type's range is left as it is, and refused by the mapping as before.
    private static object ConvertNumber(object value, Type propertyType)
    {
        try
        {
            return System.Convert.ChangeType(value, propertyType, CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            return value;
        }
    }

    /// <inheritdoc />
    public override string ToString()
        => Components != null ? $"{Property!.Name}({string.Join(", ", Components)})"
            : Value is QueryParameterExpression parameter ? "@" + parameter.Name
            : "constant";
}

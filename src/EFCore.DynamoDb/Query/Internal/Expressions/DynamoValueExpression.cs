using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>
///     A value compared with an attribute: a constant, or a query parameter read at execution time so that the
///     compiled query is reused — or a composite's value joined from such component values (Flywheel's queries on
///     composite pieces). It is converted with the compared property's type mapping.
/// </summary>
public sealed class DynamoValueExpression : Expression
{
    private readonly IReadOnlyList<DynamoValueExpression>? _components;
    private readonly bool _isPrefix;

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
    {
        if (value is not (ConstantExpression or QueryParameterExpression))
        {
            throw new ArgumentException(value.ToString(), nameof(value));
        }

        Value = value;
        Property = property;
        Mapping = mapping;
    }

    private DynamoValueExpression(IProperty composite, IReadOnlyList<DynamoValueExpression> components, bool isPrefix)
    {
        Value = Constant(null, typeof(string));
        Property = composite;
        Mapping = (DynamoTypeMapping)composite.GetTypeMapping();
        _components = components;
        _isPrefix = isPrefix;
    }

    /// <summary>
    ///     The value of a joined composite computed from its leading components' values; with
    ///     <paramref name="isPrefix" />, followed by the separator, for <c>begins_with</c> on fewer than all components.
    /// </summary>
    public static DynamoValueExpression ForComposite(IProperty composite, IReadOnlyList<DynamoValueExpression> components, bool isPrefix)
        => new(composite, components, isPrefix);

    /// <summary>A <see cref="ConstantExpression" /> or a <see cref="QueryParameterExpression" />.</summary>
    public Expression Value { get; }

    /// <summary>The property whose mapping converts the value.</summary>
    public new IProperty Property { get; }

    /// <summary>The mapping that converts the value.</summary>
    public DynamoTypeMapping Mapping { get; }

    public override ExpressionType NodeType => ExpressionType.Extension;

    public override Type Type => Value.Type;

    protected override Expression VisitChildren(ExpressionVisitor visitor) => this;

    /// <summary>The value as stored for the property, or <see langword="null" /> when it is null.</summary>
    public AttributeValue? Evaluate(QueryContext queryContext) => ToAttributeValue(Property, Mapping, ReadValue(queryContext));

    private object? ReadValue(QueryContext queryContext)
    {
        if (_components != null)
        {
            var joined = Update.Internal.DynamoCompositeValue.Join(Property, _components.Select(c => c.ReadValue(queryContext)));
            return _isPrefix && joined != null ? joined + Property.GetCompositeSeparator() : joined;
        }

        return Value is ConstantExpression constant ? constant.Value : queryContext.Parameters[((QueryParameterExpression)Value).Name];
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

    public override string ToString()
        => _components != null ? $"{Property.Name}({string.Join(", ", _components)})"
            : Value is QueryParameterExpression parameter ? "@" + parameter.Name
            : "constant";
}

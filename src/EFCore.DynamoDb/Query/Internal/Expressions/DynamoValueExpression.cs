using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>
///     A value compared with an attribute: a constant, or a query parameter read at execution time so that the
///     compiled query is reused. It is converted with the compared property's type mapping.
/// </summary>
public sealed class DynamoValueExpression : Expression
{
    public DynamoValueExpression(Expression value, IProperty property)
    {
        if (value is not (ConstantExpression or QueryParameterExpression))
        {
            throw new ArgumentException(value.ToString(), nameof(value));
        }

        Value = value;
        Property = property;
    }

    /// <summary>A <see cref="ConstantExpression" /> or a <see cref="QueryParameterExpression" />.</summary>
    public Expression Value { get; }

    /// <summary>The property whose mapping converts the value.</summary>
    public new IProperty Property { get; }

    public override ExpressionType NodeType => ExpressionType.Extension;

    public override Type Type => Value.Type;

    protected override Expression VisitChildren(ExpressionVisitor visitor) => this;

    /// <summary>The value as stored for the property, or <see langword="null" /> when it is null.</summary>
    public AttributeValue? Evaluate(QueryContext queryContext)
    {
        var value = Value is ConstantExpression constant
            ? constant.Value
            : queryContext.Parameters[((QueryParameterExpression)Value).Name];
        return ToAttributeValue(Property, value);
    }

    /// <summary>A value compared with <paramref name="property" />, as the property stores it.</summary>
    public static AttributeValue? ToAttributeValue(IProperty property, object? value)
        => DynamoPropertyValueConverter.ToAttributeValue(property, CoerceToPropertyType(property, value));

    // C# compares enums through their underlying number, so the value may arrive as that number; and a string may
    // be searched for a char.
    private static object? CoerceToPropertyType(IProperty property, object? value)
    {
        var propertyType = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        return value switch
        {
            null => null,
            _ when propertyType.IsEnum && !propertyType.IsInstanceOfType(value) => Enum.ToObject(propertyType, value),
            char character when propertyType == typeof(string) => character.ToString(),
            _ => value
        };
    }

    public override string ToString() => Value is QueryParameterExpression parameter ? "@" + parameter.Name : "constant";
}

namespace EFCore.DynamoDb.Metadata.Internal;

/// <summary>Reads the property a model-building lambda such as <c>x =&gt; x.Id</c> names.</summary>
public static class DynamoPropertyExpressions
{
    /// <summary>The property's name; a boxing conversion (<c>x =&gt; (object)x.Count</c>) is looked through.</summary>
    public static string GetPropertyName(LambdaExpression propertyExpression)
    {
        var body = propertyExpression.Body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } conversion
            ? conversion.Operand
            : propertyExpression.Body;
        return body is MemberExpression { Member: PropertyInfo or FieldInfo } member
            && member.Expression == propertyExpression.Parameters[0]
                ? member.Member.Name
                : throw new ArgumentException(DynamoStrings.InvalidPropertyExpression(propertyExpression), nameof(propertyExpression));
    }

    /// <summary>
    ///     The names of the properties a lambda names: one property (<c>x =&gt; x.Id</c>), or several as an anonymous
    ///     type (<c>x =&gt; new { x.Tenant, x.Region }</c>), in their order.
    /// </summary>
    public static string[] GetPropertyNames(LambdaExpression propertiesExpression)
        => propertiesExpression.Body is NewExpression { Members: not null } anonymous
            ? anonymous.Arguments.Select(a => GetPropertyName(Expression.Lambda(a, propertiesExpression.Parameters))).ToArray()
            : [GetPropertyName(propertiesExpression)];
}

using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Points EF Core's materializer at the returned item: each value-buffer read of a property becomes a read of its
///     attribute, in the item or in the map of the complex value that declares it, and each complex collection is read
///     from its list of maps with EF Core's materializer for the element type. The (unused) value buffer becomes empty.
/// </summary>
public sealed class DynamoItemReadInjector(
    ParameterExpression itemParameter,
    IStructuralTypeMaterializerSource materializerSource) : ExpressionVisitor
{
    private static readonly ConstructorInfo MaterializationContextConstructor
        = typeof(MaterializationContext).GetConstructors().Single(c => c.GetParameters().Length == 2);

    // The map parameter of each complex collection's element materializer being built.
    private readonly Dictionary<IComplexType, ParameterExpression> _elementMaps = [];

    protected override Expression VisitMethodCall(MethodCallExpression methodCallExpression)
    {
        var method = methodCallExpression.Method;
        if (!method.IsGenericMethod)
        {
            return base.VisitMethodCall(methodCallExpression);
        }

        var definition = method.GetGenericMethodDefinition();
        if (definition == Microsoft.EntityFrameworkCore.Infrastructure.ExpressionExtensions.ValueBufferTryReadValueMethod)
        {
            return ReadValue((IProperty)((ConstantExpression)methodCallExpression.Arguments[2]).Value!, methodCallExpression.Type);
        }

        return definition == DynamoStructuralTypeMaterializerSource.ComplexCollectionMarkerMethod
            ? ReadComplexCollection((IComplexProperty)((ConstantExpression)methodCallExpression.Arguments[0]).Value!, methodCallExpression.Type)
            : base.VisitMethodCall(methodCallExpression);
    }

    protected override Expression VisitExtension(Expression node)
        => node switch
        {
            ProjectionBindingExpression { Type: var type } when type == typeof(ValueBuffer) => Expression.Constant(ValueBuffer.Empty),
            Expressions.DynamoPropertyReadExpression read => ReadValue(read.Property, read.Type),
            _ => base.VisitExtension(node)
        };

    private MethodCallExpression ReadValue(IProperty property, Type type)
        => Expression.Call(
            DynamoItemValueReader.ReadValueMethod.MakeGenericMethod(type),
            MapOf(property.DeclaringType),
            Expression.Constant(property.GetAttributeName()),
            Expression.Constant((DynamoTypeMapping)property.GetTypeMapping()),
            Expression.Constant(property, typeof(IProperty)));

    public static ParameterExpression CreateItemParameter()
        => Expression.Parameter(typeof(Dictionary<string, AttributeValue>), "item");

    private MethodCallExpression ReadComplexCollection(IComplexProperty complexProperty, Type collectionType)
    {
        var elementType = complexProperty.ComplexType;
        var elementMap = Expression.Parameter(typeof(Dictionary<string, AttributeValue>), "element");
        var materializationContext = Expression.New(
            MaterializationContextConstructor,
            Expression.Constant(ValueBuffer.Empty),
            Expression.Property(QueryCompilationContext.QueryContextParameter, nameof(QueryContext.Context)));
        var materializer = materializerSource.CreateMaterializeExpression(
            new StructuralTypeMaterializerSourceParameters(elementType, "element", elementType.ClrType, IsNullable: false, QueryTrackingBehavior: null),
            materializationContext);

        _elementMaps.Add(elementType, elementMap);
        var materializeElement = Expression.Lambda(Visit(materializer), elementMap);
        _elementMaps.Remove(elementType);

        return Expression.Call(
            DynamoItemValueReader.ReadComplexCollectionMethod.MakeGenericMethod(collectionType, elementType.ClrType),
            MapOf(complexProperty.DeclaringType),
            Expression.Constant(complexProperty.Name),
            materializeElement);
    }

    // The item for an entity's own properties; for a complex type, the map inside its container, or the element
    // being materialized when it is the element type of a complex collection.
    private Expression MapOf(ITypeBase structuralType)
        => structuralType is not IComplexType complexType
            ? itemParameter
            : complexType.ComplexProperty.IsCollection
                ? _elementMaps[complexType]
                : Expression.Call(
                    DynamoItemValueReader.ReadMapMethod,
                    MapOf(complexType.ComplexProperty.DeclaringType),
                    Expression.Constant(complexType.ComplexProperty.Name));
}

using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Metadata.Internal;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Points EF Core's materializer at the returned item: each value-buffer read of a property becomes a read of its
///     attribute, in the item or in the map of the complex value or owned entity that declares it, and each complex or
///     owned collection is read from its list of maps. An owned entity's copy of its owner's key reads the owner's key,
///     and its ordinal key is its position in the list. Owned includes become fixups of the owner's navigations (when
///     <paramref name="fixupOwnedNavigations" />; tracking queries leave that to the state manager). The (unused) value
///     buffer becomes empty.
/// </summary>
public sealed class DynamoItemReadInjector(
    ParameterExpression itemParameter,
    IStructuralTypeMaterializerSource materializerSource,
    bool fixupOwnedNavigations) : ExpressionVisitor
{
    private static readonly ConstructorInfo MaterializationContextConstructor
        = typeof(MaterializationContext).GetConstructors().Single(c => c.GetParameters().Length == 2);

    // The map parameter of each complex or owned collection's element materializer being built.
    private readonly Dictionary<ITypeBase, ParameterExpression> _elementMaps = [];

    // The position parameter of each owned collection's element materializer being built.
    private readonly Dictionary<ITypeBase, ParameterExpression> _ordinals = [];

    /// <inheritdoc />
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
            return ReadProperty((IProperty)((ConstantExpression)methodCallExpression.Arguments[2]).Value!, methodCallExpression.Type);
        }

        return definition == DynamoStructuralTypeMaterializerSource.ComplexCollectionMarkerMethod
            ? ReadComplexCollection((IComplexProperty)((ConstantExpression)methodCallExpression.Arguments[0]).Value!, methodCallExpression.Type)
            : base.VisitMethodCall(methodCallExpression);
    }

    /// <inheritdoc />
    protected override Expression VisitExtension(Expression node)
        => node switch
        {
            ProjectionBindingExpression { Type: var type } when type == typeof(ValueBuffer) => Expression.Constant(ValueBuffer.Empty),
            IncludeExpression { Navigation: INavigation { ForeignKey.IsOwnership: true } navigation } include => Include(include, navigation),
            DynamoOwnedCollectionShaperExpression ownedCollection => ReadOwnedCollection(ownedCollection),
            Expressions.DynamoPropertyReadExpression read => ReadProperty(read.Property, read.Type),
            _ => base.VisitExtension(node)
        };

    /// <summary>The parameter the compiled shaper receives each returned item in.</summary>
    public static ParameterExpression CreateItemParameter()
        => Expression.Parameter(typeof(Dictionary<string, AttributeValue>), "item");

    private Expression ReadProperty(IProperty property, Type type)
    {
        if (DynamoOwnedKeys.FindOwnerKeyProperty(property) is { } ownerKeyProperty)
        {
            return ReadProperty(ownerKeyProperty, type);
        }

        if (DynamoOwnedKeys.IsOrdinalKey(property))
        {
            return Expression.Convert(_ordinals[property.DeclaringType], type);
        }

        var mapping = (DynamoTypeMapping)property.GetTypeMapping();
        var map = MapOf(property.DeclaringType);
        var attributeName = Expression.Constant(property.GetAttributeName());
        var propertyConstant = Expression.Constant(property, typeof(IProperty));

        // A key read as object (a tracking query's identity lookup) is read typed too, as the property's own type:
        // absent or NULL is null, as through the type mapping, since no scalar codec reads an absent attribute as a value.
        var readType = type == typeof(object) ? property.ClrType : type;
        var valueType = Nullable.GetUnderlyingType(readType) ?? readType;

        // A scalar without a value converter is read typed by its codec; anything else through its type mapping.
        if (mapping.Converter != null || !mapping.Codec.GetType().IsAssignableTo(typeof(DynamoScalarCodec<>).MakeGenericType(valueType)))
        {
            return Expression.Call(
                DynamoItemValueReader.ReadValueMethod.MakeGenericMethod(type), map, attributeName, Expression.Constant(mapping), propertyConstant);
        }

        var read = Expression.Call(
            (valueType == readType && (type != typeof(object) || !valueType.IsValueType)
                ? DynamoItemValueReader.ReadScalarMethod
                : DynamoItemValueReader.ReadNullableScalarMethod).MakeGenericMethod(valueType),
            map,
            attributeName,
            Expression.Constant(mapping.Codec, typeof(DynamoScalarCodec<>).MakeGenericType(valueType)),
            propertyConstant);
        return read.Type == type ? read : Expression.Convert(read, type);
    }

    // The owner is materialized before its owned entities, so that a tracking query tracks it first and the state
    // manager can connect them to it. An owned reference whose map is absent is null.
    private Expression Include(IncludeExpression include, INavigation navigation)
    {
        var owner = Visit(include.EntityExpression);
        var owned = Visit(include.NavigationExpression);
        if (!navigation.IsCollection)
        {
            owned = Expression.Condition(
                Expression.Equal(MapOf(navigation.TargetEntityType), Expression.Constant(null, typeof(Dictionary<string, AttributeValue>))),
                Expression.Default(owned.Type),
                owned);
        }

        if (!fixupOwnedNavigations)
        {
            var ownerVariable = Expression.Variable(owner.Type, "owner");
            return Expression.Block([ownerVariable], Expression.Assign(ownerVariable, owner), owned, ownerVariable);
        }

        return Expression.Convert(
            Expression.Call(
                navigation.IsCollection ? DynamoOwnedNavigationFixup.CollectionMethod : DynamoOwnedNavigationFixup.ReferenceMethod,
                Expression.Convert(owner, typeof(object)),
                Expression.Convert(owned, navigation.IsCollection ? typeof(System.Collections.IEnumerable) : typeof(object)),
                Expression.Constant(navigation)),
            owner.Type);
    }

    private MethodCallExpression ReadOwnedCollection(DynamoOwnedCollectionShaperExpression ownedCollection)
    {
        var navigation = ownedCollection.Navigation;
        var elementType = navigation.TargetEntityType;
        var elementMap = Expression.Parameter(typeof(Dictionary<string, AttributeValue>), "element");
        var ordinal = Expression.Parameter(typeof(int), "ordinal");
        _elementMaps.Add(elementType, elementMap);
        _ordinals.Add(elementType, ordinal);
        var materializeElement = Expression.Lambda(Visit(ownedCollection.ElementShaper), elementMap, ordinal);
        _elementMaps.Remove(elementType);
        _ordinals.Remove(elementType);

        return Expression.Call(
            DynamoItemValueReader.ReadOwnedCollectionMethod.MakeGenericMethod(elementType.ClrType),
            MapOf(navigation.DeclaringEntityType),
            Expression.Constant(elementType.GetContainingAttributeName()),
            materializeElement);
    }

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

    // The item for a root entity's own properties; for a complex type or an owned entity type, the map inside its
    // container, or the element being materialized when it is the element type of a collection.
    private Expression MapOf(ITypeBase structuralType)
        => _elementMaps.TryGetValue(structuralType, out var elementMap)
            ? elementMap
            : structuralType switch
            {
                IComplexType complexType => ReadMap(complexType.ComplexProperty.DeclaringType, complexType.ComplexProperty.Name),
                IEntityType entityType when entityType.FindOwnership() is { } ownership
                    => ReadMap(ownership.PrincipalEntityType, entityType.GetContainingAttributeName()!),
                _ => itemParameter
            };

    private MethodCallExpression ReadMap(ITypeBase container, string attributeName)
        => Expression.Call(DynamoItemValueReader.ReadMapMethod, MapOf(container), Expression.Constant(attributeName));
}

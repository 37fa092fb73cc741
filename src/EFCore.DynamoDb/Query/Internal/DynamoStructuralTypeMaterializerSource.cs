using Microsoft.EntityFrameworkCore.Query.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     EF Core's materializer, except that a complex collection, which EF Core leaves for the provider to fill, is
///     assigned from a marker that <see cref="DynamoItemReadInjector" /> replaces with a read of its <c>L</c> of maps.
/// </summary>
public class DynamoStructuralTypeMaterializerSource(StructuralTypeMaterializerSourceDependencies dependencies)
    : StructuralTypeMaterializerSource(dependencies)
{
    /// <summary><see cref="ComplexCollectionMarker" />, whose calls the read injector finds and replaces.</summary>
    public static readonly MethodInfo ComplexCollectionMarkerMethod
        = typeof(DynamoStructuralTypeMaterializerSource).GetMethod(nameof(ComplexCollectionMarker))!;

    /// <summary>Stands for the value of a complex collection until the shaper reads it from the item; never called.</summary>
    public static TCollection ComplexCollectionMarker<TCollection>(IComplexProperty complexProperty)
        => throw new System.Diagnostics.UnreachableException(complexProperty.Name);

    /// <inheritdoc />
    protected override void AddInitializeExpression(
        IPropertyBase property,
        ParameterBindingInfo bindingInfo,
        Expression instanceVariable,
        MethodCallExpression getValueBufferExpression,
        List<Expression> blockExpressions,
        bool nullable)
    {
        if (property is not IComplexProperty { IsCollection: true } complexProperty)
        {
            base.AddInitializeExpression(property, bindingInfo, instanceVariable, getValueBufferExpression, blockExpressions, nullable);
            return;
        }

        var member = Expression.MakeMemberAccess(instanceVariable, complexProperty.GetMemberInfo(forMaterialization: true, forSet: true));
        blockExpressions.Add(
            Expression.Assign(
                member,
                Expression.Convert(
                    Expression.Call(
                        ComplexCollectionMarkerMethod.MakeGenericMethod(complexProperty.ClrType),
                        Expression.Constant(complexProperty, typeof(IComplexProperty))),
                    member.Type)));
    }
}

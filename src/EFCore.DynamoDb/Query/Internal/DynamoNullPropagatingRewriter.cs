using System.Diagnostics.CodeAnalysis;
using EFCore.DynamoDb.Query.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Gives a projection computed on the client the null semantics EF Core users get from a database: a member or
///     instance method of a projected value that is null (an absent attribute) is itself null, so
///     <c>x.Region.ToUpper()</c> is null and <c>(int?)x.Region.Length</c> is null, where C# would throw a
///     <see cref="NullReferenceException" />. Where the projection needs a value its type cannot hold null for
///     (<c>x.Region.Length</c> as an <see cref="int" />), reading the null throws an
///     <see cref="InvalidOperationException" /> naming the expression, as EF Core's providers do. Static methods
///     (<c>string.IsNullOrEmpty(x.Region)</c>) and <see cref="Nullable{T}" />'s own members (<c>HasValue</c>) see
///     the null as C# does.
/// </summary>
/// <param name="entity">
///     An entity the projection runs on whose members may be null (a navigation to a principal that was not found), or
///     <see langword="null" />.
/// </param>
public sealed class DynamoNullPropagatingRewriter(ParameterExpression? entity = null) : ExpressionVisitor
{
    private static readonly MethodInfo ValueOfMethod = typeof(DynamoNullPropagatingRewriter).GetMethod(nameof(ValueOf))!;

    // Nodes this visitor built that are null when the value they start from is null.
    private readonly HashSet<Expression> _propagated = new(ReferenceEqualityComparer.Instance);

    /// <summary>The value of a member that null propagation made nullable, where the projection needs a value.</summary>
    public static T ValueOf<T>(T? value, string expression)
        where T : struct
        => value ?? throw new InvalidOperationException(DynamoStrings.NullInNonNullableProjection(expression, typeof(T).ShortDisplayName()));

    // Every node returns its own type to its parent, unless the parent handles a propagated null (see VisitLifted).
    /// <inheritdoc />
    [return: NotNullIfNotNull(nameof(node))]
    public override Expression? Visit(Expression? node) => node == null ? null : Unlift(base.Visit(node), node);

    /// <inheritdoc />
    protected override Expression VisitMember(MemberExpression node)
        => node.Expression == null ? node : Access(node.Expression, instance => node.Update(instance), node.Member.Name == nameof(Nullable<int>.Value), node.Type);

    /// <inheritdoc />
    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Object == null)
        {
            return base.VisitMethodCall(node);
        }

        var arguments = node.Arguments.Select(argument => Visit(argument)).ToList();
        return Access(node.Object, instance => node.Update(instance, arguments), readsNullableValue: false, node.Type);
    }

    // A conversion to a type that holds null (T → T?, or to object) keeps a propagated null.
    /// <inheritdoc />
    protected override Expression VisitUnary(UnaryExpression node)
    {
        if (node.NodeType is not (ExpressionType.Convert or ExpressionType.ConvertChecked))
        {
            return base.VisitUnary(node);
        }

        var operand = VisitLifted(node.Operand);
        if (operand.Type == node.Operand.Type || !CanHoldNull(node.Type))
        {
            return node.Update(Unlift(operand, node.Operand));
        }

        return operand.Type == node.Type ? operand : Expression.MakeUnary(node.NodeType, operand, node.Type);
    }

    /// <inheritdoc />
    protected override Expression VisitExtension(Expression node)
        => node is DynamoPropertyReadExpression or StructuralTypeShaperExpression ? node : base.VisitExtension(node);

    // instance.Member: null when the instance is a null projected value, or a propagated null; a Nullable<T>'s own
    // members (HasValue, GetValueOrDefault) are not, except Value, which carries the null on.
    private Expression Access(Expression originalInstance, Func<Expression, Expression> access, bool readsNullableValue, Type type)
    {
        var instance = VisitLifted(originalInstance);
        if (instance.Type != originalInstance.Type)
        {
            return Propagate(instance, value => access(Expression.Property(value, nameof(Nullable<int>.Value))), type);
        }

        if (!MayBeNull(instance))
        {
            return access(instance);
        }

        if (Nullable.GetUnderlyingType(instance.Type) != null)
        {
            return readsNullableValue ? instance : access(instance);
        }

        return Propagate(instance, access, type);
    }

    // { var value = instance; value == null ? null : access(value) }, typed to hold the null.
    private BlockExpression Propagate(Expression instance, Func<Expression, Expression> access, Type type)
    {
        var resultType = CanHoldNull(type) ? type : typeof(Nullable<>).MakeGenericType(type);
        var value = Expression.Variable(instance.Type, "value");
        var accessed = access(value);
        var result = Expression.Block(
            [value],
            Expression.Assign(value, instance),
            Expression.Condition(
                instance.Type.IsValueType
                    ? Expression.Equal(value, Expression.Constant(null, instance.Type))
                    : Expression.ReferenceEqual(value, Expression.Constant(null, instance.Type)),
                Expression.Default(resultType),
                accessed.Type == resultType ? accessed : Expression.Convert(accessed, resultType)));
        _propagated.Add(result);
        return result;
    }

    // A child whose null the parent handles: it may come back typed T? where it was T.
    private Expression VisitLifted(Expression node) => base.Visit(node)!;

    // Back to the original's type T from T?: the value, or an error naming the expression that was null.
    private static Expression Unlift(Expression visited, Expression original)
        => visited.Type == original.Type
            ? visited
            : Expression.Call(ValueOfMethod.MakeGenericMethod(original.Type), visited, Expression.Constant(Describe(original)));

    // The expression as the user wrote it, each read named by its property (Customer.Region.Length).
    private static string Describe(Expression expression) => new PropertyNamer().Visit(expression).ToString();

    private sealed class PropertyNamer : ExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node)
            => node is DynamoPropertyReadExpression read
                ? Expression.Parameter(read.Type, read.Property.DeclaringType.DisplayName() + "." + read.Property.Name)
                : base.VisitExtension(node);
    }

    private bool MayBeNull(Expression node)
        => (node is DynamoPropertyReadExpression || _propagated.Contains(node) || (entity != null && node is MemberExpression { Expression: var owner } && owner == entity))
            && CanHoldNull(node.Type);

    private static bool CanHoldNull(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) != null;
}

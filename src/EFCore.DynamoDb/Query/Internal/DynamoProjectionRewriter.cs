using EFCore.DynamoDb.Query.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Makes a projection read its properties straight from the item (<c>x.Title</c> → the <c>Title</c> attribute),
///     so a query that selects only properties neither materializes nor tracks entities and asks DynamoDB for only
///     those attributes (a complex value's property, <c>x.Address.City</c>, by its document path). A projection that needs the entity itself (or a complex value) keeps it, and reads the
///     whole item.
/// </summary>
public sealed class DynamoProjectionRewriter : ExpressionVisitor
{
    private static readonly MethodInfo EfPropertyMethod = typeof(EF).GetMethod(nameof(EF.Property))!;

    private readonly List<IProperty> _properties = [];

    /// <summary>The properties read, in order of first use.</summary>
    public IReadOnlyList<IProperty> Properties => _properties;

    /// <summary>Whether the projection uses an entity as a whole, so the full item must be read.</summary>
    public bool NeedsEntity { get; private set; }

    // x.Prop, or x.Address.City inside a complex value (read alone, by its document path).
    /// <inheritdoc />
    protected override Expression VisitMember(MemberExpression node)
        => node.Expression is StructuralTypeShaperExpression { StructuralType: IEntityType entityType }
            && entityType.FindProperty(node.Member.Name) is { } property
                ? Read(property, node.Type)
                : DynamoAttributePathTranslator.Translate(node) is { IsNested: true } nested
                    ? Read(nested.Property, node.Type)
                    : base.VisitMember(node);

    /// <inheritdoc />
    protected override Expression VisitMethodCall(MethodCallExpression node)
        => node.Method.IsGenericMethod
            && node.Method.GetGenericMethodDefinition() == EfPropertyMethod
            && node.Arguments is [StructuralTypeShaperExpression { StructuralType: IEntityType entityType }, ConstantExpression { Value: string name }]
            && entityType.FindProperty(name) is { } property
                ? Read(property, node.Type)
                : base.VisitMethodCall(node);

    /// <inheritdoc />
    protected override Expression VisitExtension(Expression node)
    {
        if (node is StructuralTypeShaperExpression)
        {
            NeedsEntity = true;
            return node;
        }

        return base.VisitExtension(node);
    }

    private DynamoPropertyReadExpression Read(IProperty property, Type type)
    {
        if (!_properties.Contains(property))
        {
            _properties.Add(property);
        }

        return new DynamoPropertyReadExpression(property, type);
    }
}

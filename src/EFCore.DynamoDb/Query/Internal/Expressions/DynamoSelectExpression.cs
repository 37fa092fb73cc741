using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>
///     The translated query: which entity type, which predicate, how many items at most, and what to return. The
///     access-path planner decides later how DynamoDB answers it.
/// </summary>
public sealed class DynamoSelectExpression(IEntityType entityType) : Expression
{
    private readonly List<Expression> _limits = [];
    private readonly List<DynamoOrdering> _orderings = [];
    private readonly List<DynamoCollectionInclude> _includedCollections = [];
    private readonly List<DynamoReferenceInclude> _includedReferences = [];

    /// <summary>The entity type queried.</summary>
    public IEntityType EntityType { get; } = entityType;

    /// <summary>The condition every returned item satisfies; <see langword="null" /> for all items.</summary>
    public DynamoExpression? Predicate { get; private set; }

    /// <summary>Upper bounds on the number of items returned (constants or parameters); the smallest applies.</summary>
    public IReadOnlyList<Expression> Limits => _limits;

    /// <summary>The requested order, outermost first; DynamoDB can only serve the sort key's order.</summary>
    public IReadOnlyList<DynamoOrdering> Orderings => _orderings;

    /// <summary>For <c>ToPageAsync</c>: the continuation token of the page to read (a parameter, null for the first page).</summary>
    public Expression? ContinuationToken { get; private set; }

    /// <summary>Items to read and discard before returning any (LINQ's <c>Skip</c>).</summary>
    public Expression? Offset { get; private set; }

    /// <summary>How DynamoDB is asked to read: consistency, page size, scan limits and permissions.</summary>
    public DynamoReadOptions ReadOptions { get; private set; } = DynamoReadOptions.Default;

    /// <summary>What the query returns: items, a count, whether any matches, or an aggregate.</summary>
    public DynamoResultKind ResultKind { get; private set; } = DynamoResultKind.Items;

    /// <summary>For <see cref="DynamoResultKind.Aggregate" />: the <see cref="Enumerable" /> method, such as <c>Sum</c>.</summary>
    public string? AggregateOperator { get; private set; }

    /// <summary>For <see cref="DynamoResultKind.Aggregate" />: the type of the result, such as <see cref="double" /> for an average.</summary>
    public Type? AggregateResultType { get; private set; }

    /// <summary>
    ///     The properties a projection reads, when it reads only properties: DynamoDB returns just their attributes.
    ///     <see langword="null" /> when whole items are read.
    /// </summary>
    public IReadOnlyList<IProperty>? ProjectedProperties { get; private set; }

    /// <summary>
    ///     The reference navigations whose principals are read by key after the items (<c>Include(o => o.Customer)</c>),
    ///     each with its translated principals' query.
    /// </summary>
    public IReadOnlyList<DynamoReferenceInclude> IncludedReferences => _includedReferences;

    /// <summary>
    ///     The collection navigations whose dependents are read per item after the items (<c>Include(c => c.Orders)</c>),
    ///     each with its translated dependents' query.
    /// </summary>
    public IReadOnlyList<DynamoCollectionInclude> IncludedCollections => _includedCollections;

    /// <summary>
    ///     The projection run on each entity read once its included collections are loaded: a projection of collection
    ///     navigations (<see cref="DynamoNavigationProjectionRewriter" />); <see langword="null" /> for the others.
    /// </summary>
    public LambdaExpression? NavigationProjection { get; private set; }

    /// <summary>For <see cref="DynamoResultKind.Any" />: return the negation (how <c>All</c> is answered).</summary>
    public bool NegateResult { get; private set; }

    /// <summary>For <c>FromPartiQL</c>: the statement the items are read with; <see langword="null" /> for LINQ's own reads.</summary>
    public DynamoPartiQLSource? PartiQL { get; private set; }

    /// <summary>Makes the query read its items with a PartiQL statement (<c>FromPartiQL</c>).</summary>
    public void ApplyPartiQL(DynamoPartiQLSource source) => PartiQL = source;

    /// <inheritdoc />
    public override ExpressionType NodeType => ExpressionType.Extension;

    /// <inheritdoc />
    public override Type Type => typeof(object);

    /// <summary>Adds a condition the returned items must also satisfy (<c>Where</c>).</summary>
    public void ApplyPredicate(DynamoExpression predicate)
        => Predicate = Predicate == null ? predicate : new DynamoLogicalExpression(Predicate, isAnd: true, predicate);

    /// <summary>
    ///     Adds an upper bound on the number of items returned (<c>Take</c>, <c>First</c>, <c>Single</c>).
    /// </summary>
    public void ApplyLimit(Expression limit) => _limits.Add(limit);

    /// <summary>Sets how many items are read and discarded before any is returned (<c>Skip</c>).</summary>
    public void ApplyOffset(Expression offset) => Offset = offset;

    /// <summary>
    ///     Reads one page (<c>ToPageAsync</c>): at most <paramref name="pageSize" /> items, from <paramref
    ///     name="continuationToken" />.
    /// </summary>
    public void ApplyPaging(Expression pageSize, Expression continuationToken)
    {
        ApplyLimit(pageSize);
        ContinuationToken = continuationToken;
    }

    /// <summary>Starts a new order (<c>OrderBy</c>), or refines it (<c>ThenBy</c>).</summary>
    public void ApplyOrdering(DynamoOrdering ordering, bool thenBy)
    {
        if (!thenBy)
        {
            _orderings.Clear();
        }

        _orderings.Add(ordering);
    }

    /// <summary>Reverses the order (<c>Reverse</c>, and <c>Last</c> read from the other end).</summary>
    public void ReverseOrderings()
    {
        for (var i = 0; i < _orderings.Count; i++)
        {
            _orderings[i] = _orderings[i] with { Ascending = !_orderings[i].Ascending };
        }
    }

    /// <summary>Changes the read options (the DynamoDB query operators).</summary>
    public void ApplyReadOptions(Func<DynamoReadOptions, DynamoReadOptions> change) => ReadOptions = change(ReadOptions);

    /// <summary>
    ///     Sets what the query returns; <paramref name="negate" /> inverts an <see cref="DynamoResultKind.Any" />
    ///     result, for <c>All</c>.
    /// </summary>
    public void ApplyResultKind(DynamoResultKind resultKind, bool negate = false)
    {
        ResultKind = resultKind;
        NegateResult = negate;
    }

    /// <summary>
    ///     Makes the query return <paramref name="aggregateOperator" /> of its projected values, as <paramref
    ///     name="resultType" />.
    /// </summary>
    public void ApplyAggregate(string aggregateOperator, Type resultType)
    {
        ResultKind = DynamoResultKind.Aggregate;
        AggregateOperator = aggregateOperator;
        AggregateResultType = resultType;
    }

    /// <summary>
    ///     Makes the query read only the attributes of <paramref name="properties" />; <see langword="null" /> reads
    ///     whole items.
    /// </summary>
    public void ApplyProjection(IReadOnlyList<IProperty>? properties) => ProjectedProperties = properties;

    /// <summary>Makes the query read the principals of <paramref name="include" /> after the items.</summary>
    public void ApplyIncludedReference(DynamoReferenceInclude include) => _includedReferences.Add(include);

    /// <summary>Makes the query read the dependents of <paramref name="include" /> after the items.</summary>
    public void ApplyIncludedCollection(DynamoCollectionInclude include) => _includedCollections.Add(include);

    /// <summary>Runs <paramref name="projection" /> on each entity read, once its included collections are loaded.</summary>
    public void ApplyNavigationProjection(LambdaExpression projection) => NavigationProjection = projection;

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor) => this;

    /// <inheritdoc />
    public override string ToString() => $"{EntityType.DisplayName()} WHERE {Predicate}";
}

using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     A translated and planned query, built once per compiled query and not changed afterwards: what the query
///     reads (its entity type, access plan, projection, limits, paging and read options) and what it returns. Each
///     execution evaluates its arguments (<see cref="DynamoReadArguments" />) and renders its command
///     (<see cref="DynamoReadCommandRenderer" />) from it, most of whose text is rendered once (<see cref="CommandTemplateFor" />).
/// </summary>
public sealed class DynamoReadPlan
{
    // Whole items, as the value of _projection: one field, so that a thread that sees it built sees what was built
    // (a flag beside it could be seen set before the projection on a weakly ordered processor).
    private static readonly DynamoProjectionExpression WholeItems = new([]);

    private IReadOnlyList<string>? _tableKeyAttributeNames;
    private IReadOnlyList<string>? _keyAttributeNames;
    private DynamoProjectionExpression? _projection;
    private DynamoReadCommandTemplate? _commandTemplate;

    /// <param name="selectExpression">The translated query, with its projection applied.</param>
    /// <param name="accessPlan">How DynamoDB answers it.</param>
    /// <param name="limits">The bounds on the items returned: the query's own, or those of a rewrite.</param>
    public DynamoReadPlan(DynamoSelectExpression selectExpression, DynamoAccessPlan accessPlan, IReadOnlyList<Expression> limits)
    {
        EntityType = selectExpression.EntityType;
        AccessPlan = accessPlan;
        ResultKind = selectExpression.ResultKind;
        NegateResult = selectExpression.NegateResult;
        ProjectedProperties = selectExpression.ProjectedProperties;
        Limits = [.. limits];
        Offset = selectExpression.Offset;
        ContinuationToken = selectExpression.ContinuationToken;
        ReadOptions = selectExpression.ReadOptions;
        PartiQL = selectExpression.PartiQL;
    }

    /// <summary>For <c>FromPartiQL</c>: the statement the items are read with; <see langword="null" /> otherwise.</summary>
    public DynamoPartiQLSource? PartiQL { get; }

    /// <summary>The entity type read.</summary>
    public IEntityType EntityType { get; }

    /// <summary>How DynamoDB answers the query: the operation, the index, the key condition and the filters.</summary>
    public DynamoAccessPlan AccessPlan { get; }

    /// <summary>What the query returns: items, a count, whether any matches, or an aggregate.</summary>
    public DynamoResultKind ResultKind { get; }

    /// <summary>For <see cref="DynamoResultKind.Any" />: return the negation (how <c>All</c> is answered).</summary>
    public bool NegateResult { get; }

    /// <summary>The properties the query returns, when it returns only properties; <see langword="null" /> for whole items.</summary>
    public IReadOnlyList<IProperty>? ProjectedProperties { get; }

    /// <summary>Upper bounds on the number of items returned (constants or parameters); the smallest applies.</summary>
    public IReadOnlyList<Expression> Limits { get; }

    /// <summary>Items to read and discard before returning any (LINQ's <c>Skip</c>).</summary>
    public Expression? Offset { get; }

    /// <summary>For <c>ToPageAsync</c>: the continuation token of the page to read (a parameter, null for the first page).</summary>
    public Expression? ContinuationToken { get; }

    /// <summary>How DynamoDB is asked to read: consistency, page size, scan limits and permissions.</summary>
    public DynamoReadOptions ReadOptions { get; }

    /// <summary>Whether a filter may drop items that DynamoDB read, so its <c>Limit</c> cannot bound what is returned.</summary>
    public bool HasFilter => AccessPlan.Filter != null || AccessPlan.ClientFilter != null || PartiQL?.MayFilter == true;

    /// <summary>
    ///     Whether a page of <c>ToPageAsync</c> resumes with DynamoDB's next token (a PartiQL statement), which resumes
    ///     after a page, not after an item: every page is then asked for no more items than are still wanted.
    /// </summary>
    public bool ResumesAfterPage => PartiQL != null && ContinuationToken != null;

    /// <summary>
    ///     Whether DynamoDB counts the matches itself (<c>Select=COUNT</c>): the query returns a count or whether there
    ///     is any match, and leaves no condition to the client.
    /// </summary>
    public bool CountOnly => ResultKind is DynamoResultKind.Count or DynamoResultKind.Any && AccessPlan.ClientFilter == null;

    /// <summary>
    ///     The attributes to read when the query projects properties: those, plus what is evaluated on the returned
    ///     items, the key attributes when the query is paged, and the table key for a key lookup (so that an item found
    ///     without any projected attribute is not taken for a missing one). <see langword="null" /> reads whole items,
    ///     also when full items are fetched from the table afterwards. Built once.
    /// </summary>
    public DynamoProjectionExpression? Projection
    {
        get
        {
            var projection = _projection ??= BuildProjection() ?? WholeItems;
            return ReferenceEquals(projection, WholeItems) ? null : projection;
        }
    }

    /// <summary>
    ///     The projection and key condition of the command for an execution with <paramref name="parameters" />. The first
    ///     execution's is kept for all the others when its recording says that no parameter shaped its text (a compiled
    ///     query runs on many contexts at once: a race renders it twice, alike); otherwise each execution renders its own.
    /// </summary>
    /// <param name="parameters">The execution's parameter values.</param>
    /// <returns>The template, whose key-condition values the execution binds.</returns>
    public DynamoReadCommandTemplate CommandTemplateFor(IReadOnlyDictionary<string, object?> parameters)
    {
        if (_commandTemplate is { } shared)
        {
            return shared;
        }

        var template = DynamoReadCommandTemplate.Render(this, parameters);
        if (template.KeyConditionValues.HoldsForEveryExecution)
        {
            _commandTemplate = template;
        }

        return template;
    }

    /// <summary>The attributes of the table's key, partition key first.</summary>
    public IReadOnlyList<string> TableKeyAttributeNames
        => _tableKeyAttributeNames ??= EntityType.GetTableKeyProperties().Select(p => p.GetAttributeName()).ToList();

    /// <summary>The attributes that identify an item read through this plan: the table key, and the index key if any.</summary>
    public IReadOnlyList<string> KeyAttributeNames
        => _keyAttributeNames ??= TableKeyAttributeNames.Concat(IndexKeyAttributeNames()).Distinct(StringComparer.Ordinal).ToList();

    private DynamoProjectionExpression? BuildProjection()
    {
        if (ProjectedProperties is not { } projected || AccessPlan.FetchFromTable)
        {
            return null;
        }

        // A property inside a complex value is read by its document path, each name a placeholder: #n0.#n1.
        var paths = projected.Select(p => (DynamoPathExpression)new DynamoAttributeExpression(p))
            .Concat(
                AccessPlan.ClientFilter == null
                    ? []
                    : DynamoAttributeFinder.FindIn(AccessPlan.ClientFilter).Select(a => new DynamoPathExpression(a.AttributeName)))
            .Concat(ContinuationToken == null ? [] : KeyAttributeNames.Select(name => new DynamoPathExpression(name)))
            .Concat(
                AccessPlan.Path is DynamoAccessPath.GetItem or DynamoAccessPath.BatchGetItem
                    ? TableKeyAttributeNames.Select(name => new DynamoPathExpression(name))
                    : []);
        return new DynamoProjectionExpression([.. paths]);
    }

    private IEnumerable<string> IndexKeyAttributeNames()
    {
        if (AccessPlan.IndexName == null)
        {
            return [];
        }

        var index = EntityType.GetIndexes().Single(i => i.Name == AccessPlan.IndexName);
        return index.GetPartitionKeyProperties().Concat(index.GetSortKeyProperties()).Select(p => p.GetAttributeName());
    }
}

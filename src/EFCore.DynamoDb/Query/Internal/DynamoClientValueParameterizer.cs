namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Makes the clock and <c>Guid.NewGuid()</c> in a condition or an <c>ExecuteUpdate</c> value client values: EF Core
///     leaves <c>DateTime.Now</c>, <c>DateTime.UtcNow</c>, <c>DateTime.Today</c>, <c>DateTimeOffset.Now</c>,
///     <c>DateTimeOffset.UtcNow</c> and <c>Guid.NewGuid()</c> in the query for a database to evaluate, and DynamoDB has no
///     such functions. The largest part of the expression around one that reads no item (<c>DateTime.UtcNow.AddDays(-n)</c>)
///     becomes a parameter the query computes on the client once per execution, so the compiled query is reused and
///     each execution sends the current value. A clock member read several times gives one instant per execution.
/// </summary>
public sealed class DynamoClientValueParameterizer(QueryCompilationContext queryCompilationContext) : ExpressionVisitor
{
    private static readonly MethodInfo NewGuidMethod = typeof(Guid).GetMethod(nameof(Guid.NewGuid))!;

    private static readonly HashSet<MemberInfo> ClockMembers =
    [
        typeof(DateTime).GetProperty(nameof(DateTime.Now))!,
        typeof(DateTime).GetProperty(nameof(DateTime.UtcNow))!,
        typeof(DateTime).GetProperty(nameof(DateTime.Today))!,
        typeof(DateTimeOffset).GetProperty(nameof(DateTimeOffset.Now))!,
        typeof(DateTimeOffset).GetProperty(nameof(DateTimeOffset.UtcNow))!
    ];

    private static readonly PropertyInfo ParametersProperty = typeof(QueryContext).GetProperty(nameof(QueryContext.Parameters))!;

    private readonly Dictionary<Expression, QueryParameterExpression> _parameters = new(ExpressionEqualityComparer.Instance);
    private int _count;

    /// <summary><paramref name="expression" /> with its client values replaced by parameters.</summary>
    public Expression Parameterize(Expression expression) => Visit(expression)!;

    /// <inheritdoc />
    public override Expression? Visit(Expression? node)
        => node != null && ClientValueFinder.IsClientValue(node) ? Register(node) : base.Visit(node);

    // The item's shaper, parameters and other provider nodes hold no client value.
    /// <inheritdoc />
    protected override Expression VisitExtension(Expression node) => node;

    private QueryParameterExpression Register(Expression value)
    {
        // Each Guid.NewGuid() is a value of its own; the same clock expression is read once.
        if (!ClientValueFinder.CallsNewGuid(value) && _parameters.TryGetValue(value, out var parameter))
        {
            return parameter;
        }

        var extractor = Expression.Lambda(
            new QueryParameterReader(QueryCompilationContext.QueryContextParameter).Visit(value),
            QueryCompilationContext.QueryContextParameter);
        return _parameters[value] = queryCompilationContext.RegisterRuntimeParameter("__client_value_" + _count++, extractor);
    }

    // Reads the query's parameters the client value uses (DateTime.UtcNow.AddDays(-days)) from the query context.
    private sealed class QueryParameterReader(ParameterExpression queryContext) : ExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node)
            => node is QueryParameterExpression parameter
                ? Expression.Convert(
                    Expression.Property(Expression.Property(queryContext, ParametersProperty), "Item", Expression.Constant(parameter.Name)),
                    parameter.Type)
                : base.VisitExtension(node);
    }

    // An expression that reads nothing of an item (no lambda parameter, no shaper) and reads the clock or a new Guid.
    private sealed class ClientValueFinder : ExpressionVisitor
    {
        private bool _readsItem;
        private bool _isNonDeterministic;
        private bool _callsNewGuid;

        public static bool IsClientValue(Expression expression)
        {
            var finder = new ClientValueFinder();
            finder.Visit(expression);
            return finder is { _readsItem: false, _isNonDeterministic: true };
        }

        public static bool CallsNewGuid(Expression expression)
        {
            var finder = new ClientValueFinder();
            finder.Visit(expression);
            return finder._callsNewGuid;
        }

        public override Expression? Visit(Expression? node) => _readsItem ? node : base.Visit(node);

        protected override Expression VisitMember(MemberExpression node)
        {
            _isNonDeterministic |= ClockMembers.Contains(node.Member);
            return base.VisitMember(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method == NewGuidMethod)
            {
                _isNonDeterministic = _callsNewGuid = true;
            }

            return base.VisitMethodCall(node);
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _readsItem = true;
            return node;
        }

        protected override Expression VisitExtension(Expression node)
        {
            _readsItem |= node is not QueryParameterExpression;
            return node;
        }
    }
}

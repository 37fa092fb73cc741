using System.Runtime.CompilerServices;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     The query root of <c>FromPartiQL</c>: the entity type, the statement (its text and tables, which identify the
///     compiled query) and its values. The values are held as a captured variable, so that EF Core makes them one query
///     parameter: the compiled query is reused for other values, and the values never become part of it.
/// </summary>
public sealed class DynamoPartiQLQueryRootExpression : EntityQueryRootExpression
{
    /// <summary>The root of a query over <paramref name="entityType" /> read by <paramref name="statement" />.</summary>
    public DynamoPartiQLQueryRootExpression(
        IAsyncQueryProvider? queryProvider,
        IEntityType entityType,
        DynamoPartiQLStatement statement,
        Expression values)
        : base(queryProvider!, entityType)
    {
        Statement = statement;
        Values = values;
    }

    /// <summary>The statement, its values as <c>?</c>.</summary>
    public DynamoPartiQLStatement Statement { get; }

    /// <summary>The values of the statement's holes: captured, then a query parameter of type <c>object?[]</c>.</summary>
    public Expression Values { get; }

    /// <summary>The values of a new query, as the captured variable EF Core turns into a parameter.</summary>
    public static Expression Capture(object?[] values)
        => Field(Constant(new StrongBox<object?[]>(values)), nameof(StrongBox<object?[]>.Value));

    /// <inheritdoc />
    public override Expression DetachQueryProvider() => new DynamoPartiQLQueryRootExpression(null, EntityType, Statement, Values);

    /// <inheritdoc />
    public override EntityQueryRootExpression UpdateEntityType(IEntityType entityType)
        => new DynamoPartiQLQueryRootExpression(QueryProvider, entityType, Statement, Values);

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
    {
        var values = visitor.Visit(Values);
        return values == Values ? this : new DynamoPartiQLQueryRootExpression(QueryProvider, EntityType, Statement, values);
    }

    /// <inheritdoc />
    protected override void Print(ExpressionPrinter expressionPrinter)
    {
        expressionPrinter.Append("FromPartiQL(" + EntityType.DisplayName() + ", \"" + Statement.Template + "\", ");
        expressionPrinter.Visit(Values);
        expressionPrinter.Append(")");
    }

    /// <inheritdoc />
    public override bool Equals(object? obj)
        => obj is DynamoPartiQLQueryRootExpression other
            && base.Equals(other)
            && Statement.Equals(other.Statement)
            && ExpressionEqualityComparer.Instance.Equals(Values, other.Values);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Statement, ExpressionEqualityComparer.Instance.GetHashCode(Values));
}

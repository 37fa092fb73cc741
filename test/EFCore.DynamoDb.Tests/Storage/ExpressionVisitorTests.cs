using System.Linq.Expressions;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Storage.Internal.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using static EFCore.DynamoDb.Storage.Internal.Expressions.DynamoComparisonOperator;
using static EFCore.DynamoDb.Tests.Storage.ExpressionTestModel;

namespace EFCore.DynamoDb.Tests.Storage;

/// <summary>The visitor over DynamoDB expression nodes: children are visited, and a node is rebuilt only when one changed.</summary>
public class ExpressionVisitorTests
{
    [Fact]
    public void A_visitor_that_changes_nothing_returns_the_same_nodes()
    {
        var condition = Condition(Parameter("Wins", "wins"));

        Assert.Same(condition, new ParameterInliner(new Dictionary<string, object?>()).Visit(condition));
    }

    [Fact]
    public void A_changed_child_rebuilds_its_ancestors_only()
    {
        var condition = Condition(Parameter("Wins", "wins"));
        var untouched = ((DynamoLogicalExpression)((DynamoNotExpression)condition.Right).Operand).Left;

        var rewritten = (DynamoLogicalExpression)new ParameterInliner(new Dictionary<string, object?> { ["wins"] = 3 }).Visit(condition)!;

        Assert.NotSame(condition, rewritten);
        Assert.Same(condition.Left, rewritten.Left);
        var operand = (DynamoLogicalExpression)((DynamoNotExpression)rewritten.Right).Operand;
        Assert.Same(untouched, operand.Left);
        var value = ((DynamoComparisonExpression)operand.Right).Value;
        Assert.Equal(3, Assert.IsType<ConstantExpression>(value.Value).Value);
        Assert.Equal(
            new DynamoExpressionRenderer(new DynamoExpressionPlaceholders(), new Dictionary<string, object?> { ["wins"] = 3 }).Render(condition),
            new DynamoExpressionRenderer(new DynamoExpressionPlaceholders()).Render(rewritten));
    }

    [Fact]
    public void Update_actions_and_projections_are_visited_too()
    {
        var dictionaryKey = new QueryParameterExpression("key", typeof(string));
        var update = new DynamoUpdateExpression(
        [
            new DynamoRemoveAction(new DynamoPathExpression("Name")),
            new DynamoSetAction(new DynamoPathExpression([Expression.Constant("Labels"), dictionaryKey], "Labels[key]"), Constant("Name", "x"))
        ]);

        var rewritten = (DynamoUpdateExpression)new ParameterInliner(new Dictionary<string, object?> { ["key"] = "k" }).Visit(update)!;

        Assert.Same(update.Actions[0], rewritten.Actions[0]);
        var target = ((DynamoSetAction)rewritten.Actions[1]).Target;
        Assert.Equal(["Labels", "k"], target.ResolvePath(new Dictionary<string, object?>()));
    }

    [Fact]
    public void The_attribute_finder_lists_the_attributes_of_a_condition_in_order()
    {
        var attributes = DynamoAttributeFinder.FindIn(Condition(Parameter("Wins", "wins")));

        Assert.Equal(["Name", "UserId", "Wins"], attributes.Select(a => a.AttributeName));
    }

    // Name = "a" AND NOT (UserId = "u" AND Wins > @wins)
    private static DynamoLogicalExpression Condition(DynamoValueExpression wins)
        => new(
            Compare("Name", Equal, "a"),
            isAnd: true,
            new DynamoNotExpression(
                new DynamoLogicalExpression(
                    Compare("UserId", Equal, "u"), isAnd: true, new DynamoComparisonExpression(Attribute("Wins"), GreaterThan, wins))));

    // Replaces the parameters it has values for with constants.
    private sealed class ParameterInliner(IReadOnlyDictionary<string, object?> values) : DynamoExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node)
            => node is QueryParameterExpression parameter && values.TryGetValue(parameter.Name, out var value)
                ? Expression.Constant(value, parameter.Type)
                : base.VisitExtension(node);
    }
}

using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using static EFCore.DynamoDb.Storage.Internal.Expressions.DynamoComparisonOperator;

namespace EFCore.DynamoDb.Tests.Query;

/// <summary>The planner's choice of access path, without a database.</summary>
public class AccessPathPlannerTests
{
    private static readonly IEntityType Score = CreateModel().FindEntityType(typeof(GameScore))!;

    [Fact]
    public void Full_key_equality_alone_is_a_GetItem()
    {
        var plan = Plan(And(Compare("UserId", Equal), Compare("Title", Equal)));

        Assert.Equal(DynamoAccessPath.GetItem, plan.Path);
        Assert.Single(plan.PartitionKeyConditions);
        Assert.IsType<DynamoComparisonExpression>(Assert.Single(plan.SortKeyConditions));
        Assert.Null(plan.Filter);
    }

    [Fact]
    public void Full_key_with_a_filter_is_a_Query()
    {
        var plan = Plan(And(And(Compare("UserId", Equal), Compare("Title", Equal)), Compare("Wins", GreaterThan)));

        Assert.Equal(DynamoAccessPath.Query, plan.Path);
        Assert.IsType<DynamoComparisonExpression>(plan.Filter);
    }

    [Theory]
    [InlineData(LessThan)]
    [InlineData(LessThanOrEqual)]
    [InlineData(GreaterThan)]
    [InlineData(GreaterThanOrEqual)]
    public void A_sort_key_range_joins_the_key_condition(DynamoComparisonOperator op)
    {
        var plan = Plan(And(Compare("Title", op), Compare("UserId", Equal)));

        Assert.Equal(DynamoAccessPath.Query, plan.Path);
        Assert.Equal("UserId", Assert.Single(plan.PartitionKeyConditions).Attribute.AttributeName);
        Assert.Equal("Title", Assert.IsType<DynamoComparisonExpression>(Assert.Single(plan.SortKeyConditions)).Attribute.AttributeName);
        Assert.Null(plan.Filter);
    }

    [Fact]
    public void Not_equal_on_the_sort_key_is_applied_to_the_returned_items()
    {
        // DynamoDB refuses key attributes in a Query's FilterExpression.
        var plan = Plan(And(And(Compare("UserId", Equal), Compare("Title", NotEqual)), Compare("Wins", GreaterThan)));

        Assert.Equal(DynamoAccessPath.Query, plan.Path);
        Assert.Empty(plan.SortKeyConditions);
        Assert.IsType<DynamoComparisonExpression>(plan.ClientFilter);
        Assert.Equal("Wins", Assert.IsType<DynamoComparisonExpression>(plan.Filter).Attribute.AttributeName);
    }

    [Fact]
    public void Both_bounds_make_a_BETWEEN_and_begins_with_is_a_key_condition()
    {
        var between = Plan(And(And(Compare("UserId", Equal), Compare("Title", GreaterThanOrEqual)), Compare("Title", LessThanOrEqual)));
        var beginsWith = Plan(And(Compare("UserId", Equal), Function(DynamoFunction.BeginsWith, "Title")));
        var containsIsAFilter = Plan(And(Compare("UserId", Equal), Function(DynamoFunction.Contains, "Title")));

        Assert.IsType<DynamoBetweenExpression>(Assert.Single(between.SortKeyConditions));
        Assert.Null(between.Filter);
        Assert.IsType<DynamoFunctionExpression>(Assert.Single(beginsWith.SortKeyConditions));
        Assert.Empty(containsIsAFilter.SortKeyConditions);
        Assert.NotNull(containsIsAFilter.ClientFilter);
    }

    [Fact]
    public void Partition_keys_from_a_collection_with_a_fixed_sort_key_are_a_BatchGetItem()
    {
        var batch = Plan(And(In("UserId"), Compare("Title", Equal)));
        var withFilter = Plan(And(And(In("UserId"), Compare("Title", Equal)), Compare("Wins", GreaterThan)));
        var withoutSortKey = Plan(In("UserId"));

        Assert.Equal(DynamoAccessPath.BatchGetItem, batch.Path);
        Assert.NotNull(batch.PartitionKeyValues);
        Assert.Equal(DynamoAccessPath.BatchGetItem, withFilter.Path);
        Assert.Null(withFilter.Filter);
        Assert.NotNull(withFilter.ClientFilter);
        Assert.Equal(DynamoAccessPath.Scan, withoutSortKey.Path);
    }

    [Fact]
    public void Sort_keys_from_a_collection_in_a_fixed_partition_are_a_BatchGetItem_filtered_on_the_client()
    {
        var batch = Plan(And(Compare("UserId", Equal), In("Title")));
        var withFilter = Plan(And(And(Compare("UserId", Equal), In("Title")), Compare("Wins", GreaterThan)));
        var withSortKeyRange = Plan(And(And(Compare("UserId", Equal), In("Title")), Compare("Title", GreaterThan)));

        Assert.Equal(DynamoAccessPath.BatchGetItem, batch.Path);
        Assert.Single(batch.PartitionKeyConditions);
        Assert.NotNull(batch.SortKeyValues);
        Assert.Null(batch.ClientFilter);
        Assert.Equal(DynamoAccessPath.BatchGetItem, withFilter.Path);
        Assert.Null(withFilter.Filter);
        Assert.NotNull(withFilter.ClientFilter);
        Assert.Equal(DynamoAccessPath.Query, withSortKeyRange.Path);
    }

    [Fact]
    public void Without_partition_key_equality_it_is_a_Scan()
    {
        Assert.Equal(DynamoAccessPath.Scan, Plan(Compare("Title", Equal)).Path);
        Assert.Equal(DynamoAccessPath.Scan, Plan(Compare("UserId", GreaterThan)).Path);
        Assert.Equal(DynamoAccessPath.Scan, Plan(new DynamoLogicalExpression(Compare("UserId", Equal), isAnd: false, Compare("UserId", Equal))).Path);
        Assert.Equal(DynamoAccessPath.Scan, Plan(null).Path);
    }

    private static DynamoAccessPlan Plan(DynamoExpression? predicate)
    {
        var select = new DynamoSelectExpression(Score);
        if (predicate != null)
        {
            select.ApplyPredicate(predicate);
        }

        return new DynamoAccessPathPlanner().Plan(select);
    }

    private static DynamoLogicalExpression And(DynamoExpression left, DynamoExpression right) => new DynamoLogicalExpression(left, isAnd: true, right);

    private static DynamoComparisonExpression Compare(string propertyName, DynamoComparisonOperator op)
    {
        var property = Score.FindProperty(propertyName)!;
        return new DynamoComparisonExpression(
            new DynamoAttributeExpression(property),
            op,
            new DynamoValueExpression(System.Linq.Expressions.Expression.Constant(property.ClrType == typeof(string) ? "x" : Activator.CreateInstance(property.ClrType)), property));
    }

    private static DynamoFunctionExpression Function(DynamoFunction function, string propertyName)
    {
        var property = Score.FindProperty(propertyName)!;
        return new DynamoFunctionExpression(
            function, new DynamoAttributeExpression(property), new DynamoValueExpression(System.Linq.Expressions.Expression.Constant("x"), property));
    }

    private static DynamoInExpression In(string propertyName)
        => new(new DynamoAttributeExpression(Score.FindProperty(propertyName)!), System.Linq.Expressions.Expression.Constant(TwoUsers));

    private static readonly string[] TwoUsers = ["a", "b"];

    private static IModel CreateModel()
    {
        using var context = new ScoreContext();
        return context.Model;
    }

    public class GameScore
    {
        public string UserId { get; set; } = "";

        public string Title { get; set; } = "";

        public int Wins { get; set; }
    }

    private sealed class ScoreContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
            => optionsBuilder.UseDynamoDb(o => o.ServiceUrl("http://127.0.0.1:1"));

        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<GameScore>(e =>
            {
                e.HasPartitionKey(s => s.UserId);
                e.HasSortKey(s => s.Title);
            });
    }
}

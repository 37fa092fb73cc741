using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Internal;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Storage.Internal.Expressions;
using static EFCore.DynamoDb.Storage.Internal.Expressions.DynamoComparisonOperator;
using static EFCore.DynamoDb.Tests.Storage.ExpressionTestModel;

namespace EFCore.DynamoDb.Tests.Storage;

/// <summary>The one renderer of DynamoDB expressions: text with placeholders, and the names and values maps.</summary>
public class ExpressionRendererTests
{
    private const string Secret = "secret-value";

    [Fact]
    public void A_comparison_is_a_name_an_operator_and_a_value_placeholder()
    {
        var (text, placeholders) = Render(Compare("Name", GreaterThanOrEqual, Secret));

        Assert.Equal("#n0 >= :v0", text);
        Assert.Equal("Name", placeholders.Names!["#n0"]);
        Assert.Equal(Secret, placeholders.Values![":v0"].S);
    }

    [Theory]
    [InlineData(Equal, "attribute_not_exists(#n0)")]
    [InlineData(NotEqual, "attribute_exists(#n0)")]
    public void A_comparison_with_null_tests_whether_the_attribute_exists(DynamoComparisonOperator op, string expected)
    {
        var (text, placeholders) = Render(Compare("Name", op, null));

        Assert.Equal(expected, text);
        Assert.Null(placeholders.Values);
    }

    [Fact]
    public void An_ordering_with_null_is_refused_naming_the_property()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Render(Compare("Name", LessThan, null)));

        Assert.Equal(DynamoStrings.NullComparison("GameScore", "Name"), error.Message);
    }

    [Fact]
    public void Parameters_are_read_from_the_given_values()
    {
        var condition = new DynamoComparisonExpression(Attribute("Wins"), Equal, Parameter("Wins", "wins"));

        var (text, placeholders) = Render(condition, new Dictionary<string, object?> { ["wins"] = 7 });

        Assert.Equal("#n0 = :v0", text);
        Assert.Equal("7", placeholders.Values![":v0"].N);
    }

    [Fact]
    public void Logical_expressions_are_parenthesized_and_a_conjunction_is_not()
    {
        var or = new DynamoLogicalExpression(Compare("Wins", GreaterThan, 1), isAnd: false, Compare("Name", Equal, "a"));
        var conjunction = DynamoConjunctionExpression.Of([new DynamoAttributeExistsExpression(Attribute("UserId"), exists: true), or, Compare("Wins", LessThan, 9)])!;

        var (text, placeholders) = Render(conjunction);

        Assert.Equal("attribute_exists(#n0) AND (#n1 > :v0 OR #n2 = :v1) AND #n1 < :v2", text);
        Assert.Equal(["UserId", "Wins", "Name"], placeholders.Names!.Values);
    }

    [Fact]
    public void A_conjunction_of_one_condition_is_that_condition_and_of_none_is_null()
    {
        var single = Compare("Wins", Equal, 1);

        Assert.Same(single, DynamoConjunctionExpression.Of([null, single]));
        Assert.Null(DynamoConjunctionExpression.Of([]));
    }

    [Fact]
    public void NOT_adds_parentheses_only_to_an_operand_that_has_none()
    {
        var simple = new DynamoNotExpression(Compare("Wins", Equal, 1));
        var logical = new DynamoNotExpression(new DynamoLogicalExpression(Compare("Wins", Equal, 1), isAnd: true, Compare("Name", Equal, "a")));

        Assert.Equal("NOT (#n0 = :v0)", Render(simple).Text);
        Assert.Equal("NOT (#n0 = :v0 AND #n1 = :v1)", Render(logical).Text);
    }

    [Fact]
    public void NOT_of_a_conjunction_whose_first_condition_is_parenthesized_negates_all_of_it()
    {
        var either = new DynamoLogicalExpression(Compare("Wins", Equal, 1), isAnd: false, Compare("Name", Equal, "a"));
        var negated = new DynamoNotExpression(DynamoConjunctionExpression.Of([either, Compare("Wins", Equal, 2)])!);

        Assert.Equal("NOT ((#n0 = :v0 OR #n1 = :v1) AND #n0 = :v2)", Render(negated).Text);
    }

    [Fact]
    public void Functions_size_and_BETWEEN_take_values_that_may_not_be_null()
    {
        var beginsWith = new DynamoFunctionExpression(DynamoFunction.BeginsWith, Attribute("Name"), Constant("Name", "a"));
        var contains = new DynamoFunctionExpression(DynamoFunction.Contains, Attribute("Name"), Constant("Name", "a"));
        var size = new DynamoSizeExpression(Attribute("Tags"), NotEqual, Constant("Wins", 2));
        var between = new DynamoBetweenExpression(Attribute("Wins"), Constant("Wins", 1), Constant("Wins", 5));
        var nullSearch = new DynamoFunctionExpression(DynamoFunction.Contains, Attribute("Name"), Constant("Name", null));

        Assert.Equal("begins_with(#n0, :v0)", Render(beginsWith).Text);
        Assert.Equal("contains(#n0, :v0)", Render(contains).Text);
        Assert.Equal("size(#n0) <> :v0", Render(size).Text);
        Assert.Equal("#n0 BETWEEN :v0 AND :v1", Render(between).Text);
        Assert.Equal(DynamoStrings.NullComparison("GameScore", "Name"), Assert.Throws<InvalidOperationException>(() => Render(nullSearch)).Message);
    }

    [Fact]
    public void IN_takes_distinct_values_in_chunks_of_100_joined_with_OR()
    {
        var values = Enumerable.Range(0, 150).Select(i => "u" + i).Append("u0").ToList();

        var (text, placeholders) = Render(new DynamoInExpression(Attribute("UserId"), Expression.Constant(values)));

        var first = string.Join(", ", Enumerable.Range(0, 100).Select(i => ":v" + i));
        var second = string.Join(", ", Enumerable.Range(100, 50).Select(i => ":v" + i));
        Assert.Equal($"(#n0 IN ({first}) OR #n0 IN ({second}))", text);
        Assert.Equal(150, placeholders.Values!.Count);
    }

    [Fact]
    public void IN_keeps_the_first_of_equal_values_in_their_order_whether_the_list_is_short_or_long()
    {
        // Duplicates both among the first values (searched one by one) and past the first 16 (found in a set).
        List<string> names = ["b", "a", "b", .. Enumerable.Range(0, 20).Select(i => "u" + i), "a", "u3"];
        int[] wins = [2, 1, 2, 1];
        var none = System.Collections.ObjectModel.ReadOnlyDictionary<string, object?>.Empty;

        var (distinctNames, _) = new DynamoInExpression(Attribute("Name"), Expression.Constant(names)).Evaluate(none);
        var (distinctWins, _) = new DynamoInExpression(Attribute("Wins"), Expression.Constant(wins)).Evaluate(none);

        Assert.Equal(["b", "a", .. Enumerable.Range(0, 20).Select(i => "u" + i)], distinctNames.Select(v => v.S));
        Assert.Equal(["2", "1"], distinctWins.Select(v => v.N));
    }

    [Fact]
    public void IN_with_a_null_also_matches_the_absent_attribute_and_an_empty_IN_matches_nothing()
    {
        var withNull = new DynamoInExpression(Attribute("Name"), Expression.Constant(new[] { "a", null }));
        var empty = new DynamoInExpression(Attribute("Name"), Expression.Constant(Array.Empty<string>()));

        Assert.Equal("(#n0 IN (:v0) OR attribute_not_exists(#n0))", Render(withNull).Text);
        Assert.Equal("(attribute_exists(#n0) AND attribute_not_exists(#n0))", Render(empty).Text);
    }

    [Fact]
    public void A_document_path_is_one_placeholder_per_name()
    {
        var labels = Attribute("Labels");
        var entry = labels.Entry(Expression.Constant("Name"), labels.ElementMapping!);
        var condition = new DynamoLogicalExpression(
            new DynamoComparisonExpression(entry, Equal, new DynamoValueExpression(Expression.Constant("x"), labels.Property, labels.ElementMapping!)),
            isAnd: true,
            Compare("Name", Equal, "y"));

        var (text, placeholders) = Render(condition);

        Assert.Equal("(#n0.#n1 = :v0 AND #n1 = :v1)", text);
        Assert.Equal(["Labels", "Name"], placeholders.Names!.Values);
    }

    [Fact]
    public void A_key_condition_is_the_partition_key_equality_then_the_sort_key_condition()
    {
        var partitionKey = Compare("UserId", Equal, "u");
        var beginsWith = new DynamoFunctionExpression(DynamoFunction.BeginsWith, Attribute("Title"), Constant("Title", "t"));
        var between = new DynamoBetweenExpression(Attribute("Title"), Constant("Title", "a"), Constant("Title", "b"));

        Assert.Equal("#n0 = :v0", Render(new DynamoKeyConditionExpression(partitionKey, null)).Text);
        Assert.Equal("#n0 = :v0 AND #n1 > :v1", Render(new DynamoKeyConditionExpression(partitionKey, Compare("Title", GreaterThan, "t"))).Text);
        Assert.Equal("#n0 = :v0 AND begins_with(#n1, :v1)", Render(new DynamoKeyConditionExpression(partitionKey, beginsWith)).Text);
        Assert.Equal("#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2", Render(new DynamoKeyConditionExpression(partitionKey, between)).Text);
    }

    [Fact]
    public void A_multi_attribute_key_condition_is_every_partition_equality_then_the_sort_conditions_in_key_order()
    {
        var partitionKey = new[] { Compare("UserId", Equal, "u"), Compare("Name", Equal, "n") };
        var sortKey = new DynamoExpression[] { Compare("Title", Equal, "t"), Compare("Wins", GreaterThanOrEqual, 3) };

        var (text, placeholders) = Render(new DynamoKeyConditionExpression(partitionKey, sortKey));

        Assert.Equal("#n0 = :v0 AND #n1 = :v1 AND #n2 = :v2 AND #n3 >= :v3", text);
        Assert.Equal(["UserId", "Name", "Title", "Wins"], placeholders.Names!.Values);
        Assert.Equal(["u", "n", "t", "3"], placeholders.Values!.Values.Select(v => v.S ?? v.N));
    }

    [Fact]
    public void A_null_key_value_is_refused_naming_the_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Render(new DynamoKeyConditionExpression(Compare("UserId", Equal, null), null)));

        Assert.Equal(DynamoStrings.KeyValueMissing("GameScore", "UserId"), error.Message);
    }

    [Fact]
    public void A_projection_lists_each_path_once()
    {
        var projection = new DynamoProjectionExpression(
            [Attribute("Name"), new DynamoPathExpression([Expression.Constant("Place"), Expression.Constant("City")], "Place.City"), new DynamoPathExpression("Name")]);

        var (text, placeholders) = Render(projection);

        Assert.Equal("#n0, #n1.#n2", text);
        Assert.Equal(["Name", "Place", "City"], placeholders.Names!.Values);
        Assert.Null(placeholders.Values);
    }

    [Fact]
    public void An_update_groups_its_actions_by_clause_and_numbers_placeholders_in_action_order()
    {
        var update = new DynamoUpdateExpression(
        [
            new DynamoAddAction(new DynamoPathExpression("Wins"), Stored("1")),
            new DynamoDeleteAction(new DynamoPathExpression("Tags"), DynamoValueExpression.Stored(new AttributeValue { SS = ["a"] })),
            new DynamoSetAction(new DynamoPathExpression("Name"), DynamoValueExpression.Stored(new AttributeValue { S = Secret })),
            new DynamoRemoveAction(new DynamoPathExpression("Title")),
            new DynamoSetAction(new DynamoPathExpression("Copy"), new DynamoPathExpression("Name")),
            new DynamoSetAction(new DynamoPathExpression("Score"), new DynamoArithmeticExpression(new DynamoPathExpression("Score"), isSubtraction: true, Stored("2"))),
            new DynamoSetAction(new DynamoPathExpression("First"), new DynamoIfNotExistsExpression(new DynamoPathExpression("First"), Stored("3")))
        ]);

        var (text, placeholders) = Render(update);

        Assert.Equal("SET #n2 = :v2, #n4 = #n2, #n5 = #n5 - :v3, #n6 = if_not_exists(#n6, :v4) REMOVE #n3 ADD #n0 :v0 DELETE #n1 :v1", text);
        Assert.Equal(["Wins", "Tags", "Name", "Title", "Copy", "Score", "First"], placeholders.Names!.Values);
        Assert.Equal(Secret, placeholders.Values![":v2"].S);
    }

    [Fact]
    public void An_update_of_one_clause_has_no_other_clauses()
    {
        var update = new DynamoUpdateExpression([new DynamoRemoveAction(new DynamoPathExpression("Name")), new DynamoRemoveAction(new DynamoPathExpression("Wins"))]);

        Assert.Equal("REMOVE #n0, #n1", Render(update).Text);
    }

    [Fact]
    public void A_written_value_may_not_be_null()
    {
        var update = new DynamoUpdateExpression([new DynamoSetAction(new DynamoPathExpression("Name"), Constant("Name", null))]);

        Assert.Equal(DynamoStrings.UpdateValueMissing("Name"), Assert.Throws<InvalidOperationException>(() => Render(update)).Message);
    }

    [Fact]
    public void Expression_text_never_holds_a_value_or_a_name()
    {
        var condition = DynamoConjunctionExpression.Of(
        [
            Compare("Name", Equal, Secret),
            new DynamoFunctionExpression(DynamoFunction.Contains, Attribute("Name"), Constant("Name", Secret)),
            new DynamoInExpression(Attribute("Name"), Expression.Constant(new[] { Secret }))
        ])!;
        var update = new DynamoUpdateExpression([new DynamoSetAction(Attribute("Name"), DynamoValueExpression.Stored(new AttributeValue { S = Secret }))]);
        var placeholders = new DynamoExpressionPlaceholders();
        var renderer = new DynamoExpressionRenderer(placeholders);

        var texts = new[] { renderer.Render(update), renderer.Render(condition) };

        Assert.All(texts, text => Assert.DoesNotContain(Secret, text, StringComparison.Ordinal));
        Assert.All(texts, text => Assert.DoesNotContain("Name", text, StringComparison.Ordinal));
        Assert.Equal(4, placeholders.Values!.Count);
        Assert.All(placeholders.Values.Values, value => Assert.Equal(Secret, value.S));
    }

    [Fact]
    public void A_key_condition_can_be_rendered_without_its_values_and_a_filter_then_continues_its_placeholders()
    {
        var keyCondition = new DynamoKeyConditionExpression(
            new DynamoComparisonExpression(Attribute("UserId"), Equal, Parameter("UserId", "user")), Compare("Name", GreaterThan, Secret));
        var placeholders = new DynamoExpressionPlaceholders();
        var unbound = new DynamoValueRecording();

        var text = new DynamoExpressionRenderer(placeholders, new Dictionary<string, object?>(), unbound).Render(keyCondition);

        Assert.Equal("#n0 = :v0 AND #n1 > :v1", text);
        Assert.Null(placeholders.Values);
        Assert.Equal([keyCondition.PartitionKey[0].Value, ((DynamoComparisonExpression)keyCondition.SortKey[0]).Value], unbound.Values.Select(v => v.Value));

        var values = new Dictionary<string, AttributeValue>
        {
            [DynamoExpressionPlaceholders.ValuePlaceholder(0)] = new() { S = "u" },
            [DynamoExpressionPlaceholders.ValuePlaceholder(1)] = new() { S = Secret }
        };
        var execution = new DynamoExpressionPlaceholders(new Dictionary<string, string>(placeholders.Names!), values);
        var filter = new DynamoExpressionRenderer(execution).Render(new DynamoLogicalExpression(Compare("Wins", GreaterThan, 3), isAnd: true, Compare("Name", LessThan, "z")));

        Assert.Equal("(#n2 > :v2 AND #n1 < :v3)", filter);
        Assert.Equal(["UserId", "Name", "Wins"], execution.Names!.Values);
        Assert.Equal([":v0", ":v1", ":v2", ":v3"], execution.Values!.Keys);
    }

    [Fact]
    public void A_node_that_is_not_a_DynamoDB_expression_is_refused()
        => Assert.Throws<InvalidOperationException>(() => Render(Expression.Constant(1)));

    private static DynamoValueExpression Stored(string number) => DynamoValueExpression.Stored(new AttributeValue { N = number });

    private static (string Text, DynamoExpressionPlaceholders Placeholders) Render(Expression node, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        var placeholders = new DynamoExpressionPlaceholders();
        var renderer = parameters == null ? new DynamoExpressionRenderer(placeholders) : new DynamoExpressionRenderer(placeholders, parameters);
        return (renderer.Render(node), placeholders);
    }
}

using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Internal;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Storage.Internal.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using static EFCore.DynamoDb.Storage.Internal.Expressions.DynamoComparisonOperator;
using static EFCore.DynamoDb.Tests.Storage.ExpressionTestModel;

namespace EFCore.DynamoDb.Tests.Storage;

/// <summary>
///     The renderer's recording mode: a text rendered once with the value behind each placeholder recorded, bound by
///     each execution from its own parameter values, as a full render of that execution would have bound them.
/// </summary>
public class ValueRecordingTests
{
    private const string Secret = "secret-value";

    // A condition with a constant and a parameter value, then an update of a value and an arithmetic.
    private static readonly Expression[] Write =
    [
        DynamoConjunctionExpression.Of(
        [
            Compare("Wins", LessThan, 50),
            new DynamoFunctionExpression(DynamoFunction.BeginsWith, Attribute("Name"), Parameter("Name", "prefix"))
        ])!,
        new DynamoUpdateExpression(
        [
            new DynamoSetAction(Attribute("Name"), Parameter("Name", "name")),
            new DynamoSetAction(Attribute("Wins"), new DynamoArithmeticExpression(Attribute("Wins"), isSubtraction: false, Parameter("Wins", "wins")))
        ])
    ];

    [Fact]
    public void Condition_and_update_values_are_recorded_in_placeholder_order_and_each_execution_binds_its_own()
    {
        var first = Parameters("a", Secret, 3);
        var (texts, placeholders, recording) = Record(Write, first);

        Assert.Equal(["#n0 < :v0 AND begins_with(#n1, :v1)", "SET #n1 = :v2, #n0 = #n0 + :v3"], texts);
        Assert.Null(placeholders.Values);
        Assert.True(recording.HoldsForEveryExecution);
        foreach (var parameters in new[] { first, Parameters("b", "other", 7) })
        {
            Assert.Equal(FullRender(Write, parameters), Format(recording.Bind(parameters)));
        }
    }

    [Fact]
    public void A_value_null_on_a_later_execution_is_refused_as_a_full_render_of_it_refuses_it()
    {
        var (_, _, recording) = Record(Write, Parameters("a", Secret, 3));

        foreach (var parameters in new[] { Parameters(null, Secret, 3), Parameters("a", null, 3) })
        {
            var expected = Assert.Throws<InvalidOperationException>(() => FullRender(Write, parameters));
            Assert.Equal(expected.Message, Assert.Throws<InvalidOperationException>(() => recording.Bind(parameters)).Message);
        }
    }

    [Fact]
    public void Key_condition_values_are_refused_when_null_as_a_key()
    {
        var keyCondition = new DynamoKeyConditionExpression(new DynamoComparisonExpression(Attribute("UserId"), Equal, Parameter("UserId", "user")), null);
        var (_, _, recording) = Record([keyCondition], new Dictionary<string, object?>());

        var error = Assert.Throws<InvalidOperationException>(() => recording.Bind(new Dictionary<string, object?> { ["user"] = null }));

        Assert.Equal(DynamoStrings.KeyValueMissing(Score.DisplayName(), "UserId"), error.Message);
    }

    [Fact]
    public void What_only_this_execution_s_values_decide_pins_the_recording_to_it_and_it_still_binds_them()
    {
        var parameters = new Dictionary<string, object?> { ["wins"] = 3, ["key"] = "k" };
        var pinning = new Expression[]
        {
            // Whether the parameter is null decides between a comparison and an existence test.
            new DynamoComparisonExpression(Attribute("Wins"), Equal, Parameter("Wins", "wins")),
            // The IN's values decide how many placeholders it has.
            new DynamoInExpression(Attribute("Name"), Expression.Constant(new[] { "a", Secret })),
            // The name is the parameter's.
            new DynamoUpdateExpression(
                [new DynamoSetAction(new DynamoPathExpression([Expression.Constant("Labels"), new QueryParameterExpression("key", typeof(string))], "Labels[key]"), Constant("Name", "x"))])
        };

        foreach (var node in pinning)
        {
            var (texts, _, recording) = Record([node], parameters);

            Assert.False(recording.HoldsForEveryExecution, texts[0]);
            Assert.Equal(FullRender([node], parameters), Format(recording.Bind(parameters)));
        }
    }

    [Fact]
    public void A_recorded_text_never_holds_a_value()
    {
        var (texts, _, recording) = Record(Write, Parameters(Secret, Secret, 3));

        Assert.All(texts, text => Assert.DoesNotContain(Secret, text, StringComparison.Ordinal));
        Assert.Equal(4, recording.Values.Count);
    }

    private static Dictionary<string, object?> Parameters(string? prefix, string? name, int wins)
        => new() { ["prefix"] = prefix, ["name"] = name, ["wins"] = wins };

    private static (List<string> Texts, DynamoExpressionPlaceholders Placeholders, DynamoValueRecording Recording) Record(
        Expression[] nodes,
        IReadOnlyDictionary<string, object?> parameters)
    {
        var placeholders = new DynamoExpressionPlaceholders();
        var recording = new DynamoValueRecording();
        var renderer = new DynamoExpressionRenderer(placeholders, parameters, recording);
        return (nodes.Select(renderer.Render).ToList(), placeholders, recording);
    }

    // The values a full render of the nodes binds, as placeholder=value.
    private static List<string>? FullRender(Expression[] nodes, IReadOnlyDictionary<string, object?> parameters)
    {
        var placeholders = new DynamoExpressionPlaceholders();
        var renderer = new DynamoExpressionRenderer(placeholders, parameters);
        foreach (var node in nodes)
        {
            renderer.Render(node);
        }

        return Format(placeholders.Values);
    }

    private static List<string>? Format(Dictionary<string, AttributeValue>? values)
        => values?.Select(pair => pair.Key + "=" + DynamoAttributeValueFormatter.Format(pair.Value)).ToList();
}
